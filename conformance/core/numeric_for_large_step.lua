-- steps larger than the range
for i = 1, 10, 100 do print(i) end
for i = 1, math.maxinteger, math.maxinteger // 2 do print(i) end
for i = -1, math.mininteger, math.mininteger do print(i) end
