local sum = 0
for i, v in ipairs({10, 20, 30}) do sum = sum + i * v end
print(sum)
local t = {"x", "y"}
t[4] = "w"
local n = 0
for _ in ipairs(t) do n = n + 1 end
print(n)
local f, s, c = ipairs(t)
print(type(f), s == t, c)
local f2, s2, c2 = ipairs(5)
print(f2 == f, s2, c2)
print(f(t, 1))
print(f(t, 3))
