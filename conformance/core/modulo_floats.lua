-- float modulo
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(7 % 3.0, -7 % 3.0)
print(math.type(7 % 3.0))
print(1 % math.huge, -1 % math.huge)
print(1 % -math.huge, -1 % -math.huge)
print(0.0 % 1, -0.0 % 1, 0.0 % -1)
local nan1 = math.huge % 2
print(nan1 ~= nan1)
local nan2 = 1 % 0.0
print(nan2 ~= nan2)
print(5.25 % 0.5)
