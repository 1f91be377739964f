-- __lt and __le; the reference lua5.4 (built with 5.3 compatibility) still emulates a missing __le as not (b < a)
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
local function V(v) return setmetatable({v = v}, mt) end
local x, y = V(1), V(2)
print(x < y, y < x, x > y, y > x)
print(pcall(function() return x <= y end))
mt.__le = function(a, b) return a.v <= b.v end
print(x <= y, y <= x, x >= y, y >= x)
local mt2 = {__lt = function() return 1 end, __le = function() return nil end}
local p, q = setmetatable({}, mt2), setmetatable({}, mt2)
print(p < q, p <= q)
print(pcall(function() return x < 1 end))
local n = setmetatable({}, {__lt = function(a, b) return "mixed" end})
print(n < 1, 1 < n)
