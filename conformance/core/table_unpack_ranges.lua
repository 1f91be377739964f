-- table.unpack with explicit ranges
local t = {1, 2, 3, 4, 5}
print(table.unpack(t))
print(table.unpack(t, 2))
print(table.unpack(t, 2, 3))
print(table.unpack(t, 4, 8))
print(table.unpack(t, 3, 2))
print(select("#", table.unpack({}, 1, 3)))
print(table.unpack({1, nil, 3}, 1, 3))
print(table.unpack({n = 2}, -1, 1))
print(table.unpack({"a", "b"}, 0))
