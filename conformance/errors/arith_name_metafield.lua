-- __name is used for the type in error messages
local o = setmetatable({}, {__name = "MyType"})
print(pcall(function() return o + 1 end))
print(pcall(function() return o .. "" end))
print(pcall(function() return #o < 1, o < 1 end))
print(pcall(function() return o() end))
