-- table.unpack over negative, zero and shifted ranges
local t = {[-2] = "m2", [-1] = "m1", [0] = "z", "a", "b", "c"}
print(table.unpack(t, -2, 3))
print(table.unpack(t, -2))
print(table.unpack(t, 0, 0))
print(table.unpack(t, 3, 5))
print(table.unpack(t, 2, 1))
print(table.unpack(t, nil, 2))
print(table.unpack(t, 2, nil))
