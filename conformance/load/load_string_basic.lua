-- load compiles a string into a function.
local f = load("return 1 + 1")
print(type(f), f())
print(load("return ...")(1, 2, 3))
print(select("#", load("return")()))
print(load("local a, b = ... return b, a")("x", "y"))
print(load("")())
print(load("x_from_load = 10")(), x_from_load)
print(load("return x_from_load * 2")())
