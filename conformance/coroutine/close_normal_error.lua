-- a normal coroutine (one that resumed another) cannot be closed
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print(coroutine.status(outer))
    print(pcall(coroutine.close, outer))
  end)
  coroutine.resume(inner)
end)
coroutine.resume(outer)
print(coroutine.status(outer))
