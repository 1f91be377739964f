-- a float step or float initial value makes the whole loop float
for i = 1, 3, 1.0 do print(i, math.type(i)) end
for i = 1.0, 2, 1 do print(i, math.type(i)) end
for i = 1, 2.0, 1 do print(i, math.type(i)) end
