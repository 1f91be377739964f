-- bitwise metamethods
local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
local function val(o) return type(o) == "table" and o.x or o end
for _, name in ipairs({"band", "bor", "bxor", "shl", "shr"}) do
  mt["__" .. name] = function(a, b) return name .. "(" .. val(a) .. "," .. val(b) .. ")" end
end
mt.__bnot = function(a, b) return "bnot(" .. val(a) .. "," .. val(b) .. ")" end
local a = V(6)
print(a & 3, 3 & a)
print(a | 3, 3 | a)
print(a ~ 3, 3 ~ a)
print(a << 1, 1 << a)
print(a >> 1, 1 >> a)
print(~a)
print(1.5 & a)
print("x" | a)
