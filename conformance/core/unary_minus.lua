-- unary minus on integers, floats and strings
print(-0, -0.0, -(-0.0))
print(-math.mininteger == math.mininteger)
print(-math.maxinteger)
print(- -3, -(-3.5))
print(-"2", -"2.5", -"0x10")
print(math.type(-"2"), math.type(-"2.0"))
print(-math.huge)
