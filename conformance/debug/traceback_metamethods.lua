-- Metamethods are named after their event.
local mt = {}
mt.__index = function(t, k) return debug.traceback("index " .. k) end
mt.__add = function() return debug.traceback("add") end
mt.__concat = function() return debug.traceback("concat") end
mt.__call = function() return debug.traceback("call") end
mt.__len = function() return debug.traceback("len") end
mt.__lt = function() print(debug.traceback("lt")) return true end
local t = setmetatable({}, mt)
print(t.foo)
print(t + 1)
print(t .. "x")
print(t())
print(#t)
print(t < t)
local function viafunc() return t.bar end
print(viafunc())
