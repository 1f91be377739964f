-- math.ult compares as unsigned integers
print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
print(math.ult(1, -1), math.ult(-1, 1), math.ult(math.maxinteger, math.mininteger))
print(math.ult(0, math.mininteger), math.ult(-2, -1))
print(math.ult(1.0, 2), math.ult("1", "2"))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(pcall(math.ult, 1, "x"))
