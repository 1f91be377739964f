-- length of proper sequences
local t = {}
print(#t)
for i = 1, 10 do t[i] = i * i end
print(#t)
t[#t + 1] = "x"
print(#t)
t[#t] = nil
print(#t)
local s = {"a", "b", "c", nil}
print(#s)
local u = {n = 1, 1, 2}
print(#u)
for i = 1, 100 do u[#u + 1] = i end
print(#u)
while #u > 0 do u[#u] = nil end
print(#u)
