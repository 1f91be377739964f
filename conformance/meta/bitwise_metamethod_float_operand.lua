-- with a float operand that has no integer form, the metamethod is still tried
local mt = {__band = function(a, b) return "band called" end}
local o = setmetatable({}, mt)
print(o & 2.5)
print(2.5 & o)
print(pcall(function() return 2.5 & 1 end))
