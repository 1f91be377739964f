-- only the last expression in a constructor expands
local function f() return 1, 2, 3 end
local a = {f()}
print(#a, a[1], a[3])
local b = {f(), 10}
print(#b, b[1], b[2])
local c = {(f())}
print(#c)
local d = {f(), f()}
print(#d, d[1], d[2], d[4])
local e = {x = f(), f()}
print(e.x, #e)
local function none() end
local g = {none()}
print(#g)
local h = {none(), 5}
print(h[1], h[2])
