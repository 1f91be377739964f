-- strings that are not numerals
print(tonumber(""), tonumber(" "), tonumber("0x"), tonumber("1e"))
print(tonumber("1 2"), tonumber("abc"), tonumber("1a"), tonumber("--1"))
print(tonumber("inf"), tonumber("nan"), tonumber("1.2.3"), tonumber("."))
print(tonumber("0x1g"), tonumber("1e+"), tonumber("+-1"), tonumber("1\0"))
print(tonumber(nil), tonumber({}), tonumber(true), tonumber(print))
