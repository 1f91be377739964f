print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
local t = {}
local ok, e = pcall(assert, false, t)
print(ok, e == t)
print(assert(1, 2, 3))
print(pcall(assert))
assert(1 == 2, "one is not two")
