-- max/min over many arguments and mixed subtypes
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 - 50 end
print(math.max(table.unpack(t)), math.min(table.unpack(t)))
print(math.max(1, 1.5, 2, 2.5), math.min(2.5, 2, 1.5, 1))
print(math.max(-math.huge, math.mininteger), math.min(math.huge, math.maxinteger))
print(math.max(3, 3.0), math.max(3.0, 3), math.min(-0.0, 0.0), math.min(0.0, -0.0))
