-- calling math.max with no argument from Lua code
print(math.min(3, 1, 2))
print(math.max())
