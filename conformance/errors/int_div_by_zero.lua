print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(pcall(function() local z = 0; return math.mininteger // z end))
print(1 // 0.0, 1 % 0.0 ~= 1 % 0.0)
local zero = 0
print(10 // zero)
