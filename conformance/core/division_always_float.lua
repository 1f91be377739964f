-- '/' always produces a float
print(4 / 2, 1 / 2, -9 / 3)
print(math.type(4 / 2))
print(7 / 7, 0 / 5)
print(math.maxinteger / 1)
print(3 / 2.0, 3.0 / 2)
