-- __index as a table
local defaults = {color = "red", size = 1}
local t = setmetatable({size = 5}, {__index = defaults})
print(t.color, t.size, t.other)
print(rawget(t, "color"))
defaults.other = "late"
print(t.other)
