-- __name appears in error messages
local o = setmetatable({}, {__name = "Thing"})
print(pcall(function() return o + 1 end))
print(pcall(function() return o < o end))
print(pcall(function() local x = o; return x() end))
local n = setmetatable({}, {__name = 42})
print(pcall(function() return n + 1 end))
