-- floor division with floats gives a float
print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.0 // -2.0)
print(7.5 // 2, -7.5 // 2)
print(math.type(7.0 // 2), math.type(7 // 2.0))
print(0.0 // 1, -0.0 // 1, 0.0 // -1)
print(1 // 0.0, -1 // 0.0)
print(1.0 // math.huge, -1.0 // math.huge)
print(math.huge // 1, -math.huge // 1)
print((0/0) // 1 ~= (0/0) // 1)
