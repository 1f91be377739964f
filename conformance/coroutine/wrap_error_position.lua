-- errors raised in a wrapped coroutine keep their position
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  local x = nil
  return x + 1
end)
print(gen())
gen()
