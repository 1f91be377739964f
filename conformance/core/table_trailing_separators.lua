-- trailing separators are allowed
local a = {1, 2, 3,}
print(#a)
local b = {1; 2; 3;}
print(#b)
local c = {x = 1,}
print(c.x)
local d = {1, 2; 3,}
print(d[3])
