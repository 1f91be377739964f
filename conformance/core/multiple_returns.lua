-- multiple results are adjusted to one except at the end of a list
local function f() return 1, 2, 3 end
print(f())
print(f(), "x")
print("x", f())
print(f(), f())
local a, b, c, d = f()
print(a, b, c, d)
local t = {f(), f()}
print(#t)
local function none() end
print(none())
print(none(), 1)
print(1, none())
print((none()))
local x = f() + 10
print(x)
print(#{f()}, #{f(), nil})
