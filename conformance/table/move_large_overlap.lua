-- overlapping moves shift blocks without losing values
local t = {}
for i = 1, 100 do t[i] = i end
table.move(t, 1, 100, 51)
print(#t, t[1], t[50], t[51], t[100], t[150])
table.move(t, 51, 150, 1)
print(t[1], t[50], t[100], t[101], t[150])
local s = {}
for i = 1, 10 do s[i] = i end
table.move(s, 4, 10, 3)
print(table.concat(s, ","))
table.move(s, 1, 3, 8)
print(table.concat(s, ","))
