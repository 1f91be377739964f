print(pcall(function() return #5 end))
print(pcall(function() local n = 5; return #n end))
print(pcall(function() local t = {}; return #t.x end))
print(pcall(function() return #undefined_len end))
print(pcall(function() return #true end))
local f = print
return #f
