-- arithmetic metamethods receive both operands
local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
local function val(o) return type(o) == "table" and o.x or o end
mt.__add = function(a, b) return "add(" .. val(a) .. "," .. val(b) .. ")" end
mt.__sub = function(a, b) return "sub(" .. val(a) .. "," .. val(b) .. ")" end
mt.__mul = function(a, b) return "mul(" .. val(a) .. "," .. val(b) .. ")" end
mt.__div = function(a, b) return "div(" .. val(a) .. "," .. val(b) .. ")" end
mt.__mod = function(a, b) return "mod(" .. val(a) .. "," .. val(b) .. ")" end
mt.__pow = function(a, b) return "pow(" .. val(a) .. "," .. val(b) .. ")" end
mt.__idiv = function(a, b) return "idiv(" .. val(a) .. "," .. val(b) .. ")" end
mt.__unm = function(a, b) return "unm(" .. val(a) .. "," .. val(b) .. ")" end
local a = V(1)
print(a + 2, 2 + a, a + a)
print(a - 2, 2 - a)
print(a * 2, 2 * a)
print(a / 2, 2 / a)
print(a % 2, 2 % a)
print(a ^ 2, 2 ^ a)
print(a // 2, 2 // a)
print(-a)
print("3" + a, a + "3")
