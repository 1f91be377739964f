-- edge cases of mininteger in division and modulo
print(math.mininteger // -1)
print(math.mininteger % -1)
print(math.mininteger // 2, math.mininteger % 2)
print(math.mininteger // math.mininteger)
print(math.mininteger % math.mininteger)
print(math.maxinteger // math.mininteger, math.maxinteger % math.mininteger)
print(-1 // math.maxinteger, -1 % math.maxinteger)
