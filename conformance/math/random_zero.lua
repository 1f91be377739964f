-- math.random(0) returns a whole random integer
math.randomseed(7)
for i = 1, 5 do print(math.random(0)) end
math.randomseed(7, 0)
print(math.random(0))
math.randomseed(7, 1)
print(math.random(0))
