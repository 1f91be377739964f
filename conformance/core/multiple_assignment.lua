-- multiple assignment
local a, b = 1, 2
a, b = b, a
print(a, b)
local x, y, z = 1
print(x, y, z)
x, y = 1, 2, 3
print(x, y)
local function f() return 10, 20, 30 end
x, y, z = f()
print(x, y, z)
x, y, z = f(), 5
print(x, y, z)
x, y, z = 0, f()
print(x, y, z)
local t = {}
t.a, t.b = 1, 2
print(t.a, t.b)
