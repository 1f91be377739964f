-- math.type distinguishes integers and floats; other values give nil
print(math.type(1), math.type(1.0), math.type(-0.0), math.type(2^63), math.type(1 // 1))
print(math.type("1"), math.type(nil), math.type({}), math.type(print), math.type(true))
print(math.type(3 / 1), math.type(7 // 2.0), math.type(math.maxinteger))
print(pcall(math.type))
