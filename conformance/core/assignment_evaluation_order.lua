-- all expressions are evaluated before assignment
local i = 1
local t = {}
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local a = {1, 2, 3}
local j = 1
j, a[j] = 2, "x"
print(j, a[1], a[2])
local p, q = 1, 2
p, q = q, p + q
print(p, q)
local u = {}
u[1], u[2], u[3] = 3, 2
print(u[1], u[2], u[3])
