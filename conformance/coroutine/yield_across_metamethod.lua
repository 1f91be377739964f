-- coroutines can yield inside metamethods
local obj = setmetatable({}, {
  __index = function(_, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
})
local co = coroutine.wrap(function()
  local v = obj.field
  local s = obj + 1
  return v, s
end)
print(co())
print(co("V"))
print(co("S"))
