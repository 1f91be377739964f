-- table constructor forms
local t = {1, 2, 3}
print(t[1], t[2], t[3], #t)
local n = {x = 1, y = 2}
print(n.x, n.y)
local k = {["a b"] = 1, [10] = "ten", [1 + 1] = "two"}
print(k["a b"], k[10], k[2])
local m = {"a", x = "X", "b", [3] = "ignored?", "c"}
print(m[1], m[2], m[3], m.x)
local e = {}
print(#e, next(e))
local s = {1; 2; x = 3}
print(s[1], s[2], s.x)
