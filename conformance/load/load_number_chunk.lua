-- Numbers are accepted where strings are.
print(load(42))
print(type(load("return 7", 5)))
print(load("return 8", 5)())
print(load("x =", 5))
print(load("x =", 2.5))
print(load("return 9", nil, "t")())
