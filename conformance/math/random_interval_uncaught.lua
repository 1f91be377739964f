-- an empty interval from Lua code
math.randomseed(1)
print(math.random(1, 3))
print(math.random(3, 1))
