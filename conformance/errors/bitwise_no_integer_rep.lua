print(pcall(function() return 1.5 | 0 end))
print(pcall(function() return 1 << 0.5 end))
print(pcall(function() return ~2^64 end))
local x = 3.25
return x & 1
