-- arithmetic on strings goes through the string metamethods
print(pcall(function() return "abc" + {} end))
print(pcall(function() return {} + "abc" end))
print(pcall(function() return "10" + {} end))
print(pcall(function() return "x" - nil end))
print(pcall(function() return nil * "2" end))
print(pcall(function() return "1" // "0" end))
print(pcall(function() return "1" % "0" end))
print(pcall(function() return true + "1" end))
local s = "5 apples"
return s * 2
