-- getmetatable on various values
print(getmetatable({}), getmetatable(1), getmetatable(nil), getmetatable(print))
local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt)
