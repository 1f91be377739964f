-- print calls __tostring
local t = setmetatable({}, {__tostring = function() return "I am t" end})
print(t, 1, t)
local u = setmetatable({}, {__tostring = function() return {} end})
print(pcall(print, u))
