-- functions are first-class values
local apply = function(f, ...) return f(...) end
print(apply(function(a, b) return a + b end, 3, 4))
local ops = {add = function(a, b) return a + b end, mul = function(a, b) return a * b end}
print(ops.add(2, 3), ops["mul"](2, 3))
print((function(...) return select("#", ...) end)(1, 2, 3))
local function compose(f, g) return function(x) return f(g(x)) end end
local inc = function(x) return x + 1 end
print(compose(inc, inc)(1))
print(type(apply), type(nil), type(print))
