-- __metatable hides and protects the metatable
local t = setmetatable({}, {__metatable = "hidden"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u))
print(pcall(setmetatable, u, {}))
local mt = {}
local v = setmetatable({}, mt)
print(getmetatable(v) == mt)
print(setmetatable(v, nil) == v, getmetatable(v))
