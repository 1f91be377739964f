-- next returns key/value pairs and nil at the end
print(next({}))
local t = {10}
print(next(t))
print(next(t, 1))
local s = {x = 1}
print(next(s))
print(next(s, "x"))
local keys = {}
local k, v = next({a = 1, b = 2, c = 3})
local n = 0
local src = {a = 1, b = 2, c = 3}
k = next(src)
while k do n = n + src[k]; k = next(src, k) end
print(n)
print(next({}, nil))
