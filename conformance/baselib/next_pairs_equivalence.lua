-- pairs returns next, the table and nil
local t = {}
local f, s, c = pairs(t)
print(f == next, s == t, c)
local count = 0
for k, v in next, {1, 2, 3} do count = count + v end
print(count)
