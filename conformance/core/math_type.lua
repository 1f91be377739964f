-- math.type distinguishes integers and floats, nil for non-numbers
print(math.type(1), math.type(1.0), math.type(-0.0))
print(math.type("1"), math.type(nil), math.type({}))
print(math.type(math.huge), math.type(0 / 0))
print(math.type(math.maxinteger), math.type(math.mininteger))
print(math.type(2 ^ 53), math.type(1e308 * 10))
print(math.type(0x10), math.type(0x10p0))
