-- math.deg and math.rad convert angles
print(math.deg(math.pi), math.deg(1), math.deg(0), math.deg(-math.pi / 2))
print(math.rad(180), math.rad(1), math.rad(0), math.rad(-90), math.rad(360))
print(math.type(math.deg(1)), math.type(math.rad(180)))
print(pcall(math.deg))
print(pcall(math.rad, "x"))
