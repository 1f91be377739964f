local t, b = {}, true
print(pcall(function() return t + 1 end))
print(pcall(function() return 1 + b end))
print(pcall(function() return t // 2 end))
print(pcall(function() return 2 ^ b end))
print(pcall(function() return t % 2 end))
