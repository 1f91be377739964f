-- wrap returns a function that resumes
local gen = coroutine.wrap(function(x)
  local y = coroutine.yield(x + 1)
  local z = coroutine.yield(y * 2)
  return "done", z
end)
print(gen(1))
print(gen(5))
print(gen("last"))
print(type(gen))
