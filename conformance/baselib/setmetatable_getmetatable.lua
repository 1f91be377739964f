local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt)
print(getmetatable(setmetatable({}, {__metatable = {custom = true}})).custom)
print(pcall(setmetatable, {}, "x"))
print(pcall(setmetatable, "x", {}))
print(getmetatable(nil), getmetatable(1), getmetatable(true))
