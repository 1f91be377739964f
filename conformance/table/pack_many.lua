-- table.pack and table.unpack with many values
local t = {}
for i = 1, 250 do t[i] = i * 2 end
local p = table.pack(table.unpack(t))
print(p.n, p[1], p[125], p[250])
print(select("#", table.unpack(t)), select("#", table.unpack(t, 100)))
local sum = 0
for _, v in ipairs({table.unpack(t, 1, 250)}) do sum = sum + v end
print(sum)
local big = {}
for i = 1, 20000 do big[i] = i end
print(select("#", table.unpack(big)))
print(select(20000, table.unpack(big)))
local q = table.pack(nil, nil, nil)
print(q.n, #q == 0 or #q)
