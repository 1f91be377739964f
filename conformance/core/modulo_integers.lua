-- integer modulo takes the sign of the divisor
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(6 % 3, -6 % 3, 6 % -3)
print(0 % 7, 0 % -7)
print(math.mininteger % -1)
print(math.maxinteger % 2, math.mininteger % 2)
print(math.mininteger % math.maxinteger)
print(math.type(7 % 3))
