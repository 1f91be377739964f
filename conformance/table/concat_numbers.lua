-- numbers in table.concat are formatted as tostring does
print(table.concat({1, -1, 0, math.maxinteger, math.mininteger}, " "))
print(table.concat({1.0, -0.0, 0.1, 1 / 3, 1e100, 2^63, 1e15, 1e16, -1e-7}, " "))
print(table.concat({math.huge, -math.huge}, " "))
print(table.concat({"x", 2, "y", 3.5}))
print(table.concat({1, 2, 3}, 4.0))
