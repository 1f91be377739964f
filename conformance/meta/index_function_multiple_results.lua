-- __index results are truncated to one
local t = setmetatable({}, {__index = function() return "a", "b" end})
print(t.x)
local a, b = t.y
print(a, b)
