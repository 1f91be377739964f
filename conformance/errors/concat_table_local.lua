local t = {}
print(pcall(function() return "x" .. t end))
print(pcall(function() return t .. "x" end))
print(pcall(function() return "a" .. undefined .. "b" end))
print(pcall(function() return 1 .. true end))
local s = "s" .. t
