-- math.abs on signed zeros and tiny values
print(math.abs(-0.0), 1 / math.abs(-0.0), math.abs(-5e-324), math.abs(-2^-1022))
print(math.abs(-0), math.abs(0.0), math.abs(math.mininteger + 1))
print(math.abs(-math.pi), math.abs(-1e308 * 10))
