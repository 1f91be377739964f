-- math.max/min need an argument and comparable values
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))
print(pcall(math.min, {}, 1))
print(pcall(math.max, nil, 1))
print(pcall(math.max, true, false))
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b, c = setmetatable({v = 1}, mt), setmetatable({v = 3}, mt), setmetatable({v = 2}, mt)
print(math.max(a, b, c).v, math.min(a, b, c).v, math.max(a).v)
print(math.max({}) ~= nil)
