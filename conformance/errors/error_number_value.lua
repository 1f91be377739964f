-- numbers are not given a position
print(pcall(error, 42))
print(pcall(function() error(3.5) end))
local ok, e = pcall(function() error(7) end)
print(math.type(e))
print(pcall(function() error(true) end))
