-- debug.getmetatable ignores __metatable; debug.setmetatable ignores protection.
local mt = {__metatable = "locked"}
local t = setmetatable({}, mt)
print(getmetatable(t), debug.getmetatable(t) == mt)
print(pcall(setmetatable, t, {}))
print(debug.setmetatable(t, nil) == t, getmetatable(t), debug.getmetatable(t))
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(print), debug.getmetatable(true))
print(debug.getmetatable({}))
print(pcall(debug.getmetatable))
local weak = debug.setmetatable({}, {__mode = "k"})
print(debug.getmetatable(weak).__mode)
