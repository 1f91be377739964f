-- loops near the integer limits do not wrap around
for i = math.maxinteger - 2, math.maxinteger do print(i) end
for i = math.mininteger + 2, math.mininteger, -1 do print(i) end
for i = math.maxinteger - 1, math.maxinteger, 10 do print(i) end
for i = math.mininteger, math.mininteger + 5, math.maxinteger do print(i) end
local n = 0
for i = 1, math.huge do n = n + 1 if n == 3 then break end end
print(n)
for i = 1, -math.huge do print("never") end
for i = math.maxinteger, math.maxinteger + 1.0 do print("clip", i) end
for i = 1, 0.5 do print("never") end
for i = 0, -0.5, -1 do print("neg", i) end
