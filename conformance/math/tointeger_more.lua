-- math.tointeger on borders and strings
print(math.tointeger(2^63 - 1024), math.tointeger(-2^63), math.tointeger(2^53 + 1.0))
print(math.tointeger("  42  "), math.tointeger("1e2"), math.tointeger("0x7fffffffffffffff"), math.tointeger("9223372036854775808"))
print(math.tointeger(""), math.tointeger("-0"), math.tointeger("-0.0"), math.tointeger(false))
print(math.type(math.tointeger(5.0)), select("#", math.tointeger("x")))
