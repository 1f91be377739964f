-- tonumber on decimal strings
print(tonumber("10"), tonumber("10.5"), tonumber(" 10 "))
print(tonumber("-7"), tonumber("+7"), tonumber("-.5"), tonumber("5."))
print(tonumber("1e3"), tonumber("1E-2"), tonumber("  -1.5e+2\t\n"))
print(tonumber("0x1F"), tonumber("  -0x10  "), tonumber("0X1p4"), tonumber("0x.8"))
print(math.type(tonumber("10")), math.type(tonumber("10.0")), math.type(tonumber("1e1")))
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"))
print(tonumber("0xffffffffffffffff"))
print(tonumber("1" .. "0"))
