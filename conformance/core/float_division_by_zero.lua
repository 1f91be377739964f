-- float division by zero gives inf, -inf or nan
print(1 / 0, -1 / 0)
print(1.0 / 0, 1 / -0.0)
print(0 / 0 ~= 0 / 0)
print(1 / 0 == math.huge, -1 / 0 == -math.huge)
print(1 // 0.0, -1 // 0.0)
print(math.type(1 / 0))
