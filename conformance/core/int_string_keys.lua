-- integer keys and string keys are different
local t = {}
t[1] = "int"
t["1"] = "str"
print(t[1], t["1"])
t[10] = "ten"
print(t["10"], t[10])
print(t[1.0], t["1.0"])
