-- floor division on integers rounds toward minus infinity
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(6 // 3, -6 // 3, 0 // 5, 0 // -5)
print(1 // 2, -1 // 2)
print(math.mininteger // -1)
print(math.mininteger // 1)
print(math.maxinteger // -1)
print(math.type(7 // 2))
