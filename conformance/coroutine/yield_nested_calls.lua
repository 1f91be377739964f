-- yield from a function called by the coroutine body
local function helper(x)
  local function deeper(y) return coroutine.yield(y * 10) end
  return deeper(x + 1) .. "!"
end
local co = coroutine.create(function(a)
  local r = helper(a)
  return r
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, "back"))
