-- math.tointeger converts exactly or fails with nil
print(math.tointeger(3), math.tointeger(3.0), math.tointeger(-0.0), math.tointeger(3.5))
print(math.tointeger(2^53), math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(1e100))
print(math.tointeger(math.huge), math.tointeger(0/0))
print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("8.5"), math.tointeger("0x10"), math.tointeger("x"))
print(math.tointeger({}), math.tointeger(nil), math.tointeger(true))
print(pcall(math.tointeger))
