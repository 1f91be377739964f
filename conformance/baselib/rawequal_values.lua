print(rawequal(1, 1), rawequal(1, 2), rawequal("a", "a"))
print(rawequal(1, 1.0), rawequal(0/0, 0/0), rawequal(nil, false))
local t = {}
print(rawequal(t, t), rawequal(t, {}))
print(pcall(rawequal, t))
