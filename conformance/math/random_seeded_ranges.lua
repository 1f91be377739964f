-- math.random(m, n) projects draws into the interval exactly as lua5.4
math.randomseed(42)
local out = {}
for i = 1, 20 do out[i] = math.random(1, 6) end
print(table.concat(out, " "))
for i = 1, 20 do out[i] = math.random(-10, 10) end
print(table.concat(out, " "))
for i = 1, 20 do out[i] = math.random(100) end
print(table.concat(out, " "))
for i = 1, 10 do out[i] = math.random(0, 7) end
print(table.concat(out, " ", 1, 10))
for i = 1, 10 do out[i] = math.random(1000000007) end
print(table.concat(out, " ", 1, 10))
for i = 1, 5 do out[i] = math.random(math.mininteger, math.maxinteger) end
print(table.concat(out, " ", 1, 5))
for i = 1, 5 do out[i] = math.random(math.maxinteger) end
print(table.concat(out, " ", 1, 5))
for i = 1, 5 do out[i] = math.random(0, math.maxinteger) end
print(table.concat(out, " ", 1, 5))
for i = 1, 5 do out[i] = math.random(math.mininteger, -1) end
print(table.concat(out, " ", 1, 5))
print(math.random(5, 5), math.random(math.maxinteger, math.maxinteger), math.random(1))
