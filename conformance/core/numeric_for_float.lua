-- float loops
for i = 1.0, 3 do print(i) end
for i = 1, 2, 0.5 do print(i) end
for i = 0.5, 2 do print(i) end
for i = 1, 2.5 do print(i, math.type(i)) end
for i = 1, 3.9999 do last_i = i end
print(last_i)
