-- setmetatable returns its first argument
local t = {}
print(setmetatable(t, {}) == t)
print(setmetatable(t, nil) == t, getmetatable(t))
local obj = setmetatable({v = 1}, {__index = {w = 2}})
print(obj.v, obj.w)
