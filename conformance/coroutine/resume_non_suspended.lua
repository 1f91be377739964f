-- resuming the running or a normal coroutine fails
local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  local inner = coroutine.create(function() print(coroutine.resume(co)) end)
  coroutine.resume(inner)
end)
coroutine.resume(co)
print(coroutine.resume(coroutine.running()))
