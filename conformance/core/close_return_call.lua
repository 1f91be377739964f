-- a return of a call inside a scope with a to-be-closed variable is not a tail call:
-- the variable is closed after the callee returns
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
local function callee() print("in callee") return "callee result" end
local function f()
  local c <close> = closer("c")
  return callee()
end
print(f())
