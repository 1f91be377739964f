-- __eq is only called for two tables (or userdata), and the result becomes a boolean
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1 return "truthy" end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a == b, a ~= b, calls)
print(a == a, calls)
print(a == 1, a == "x", a == nil, calls)
local c = {}
print(a == c, c == a, calls)
local mt2 = {__eq = function() return nil end}
local d, e = setmetatable({}, mt2), setmetatable({}, mt2)
print(d == e, d ~= e)
print(rawequal(a, b))
