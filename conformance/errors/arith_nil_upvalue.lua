local u
local function f() return u + 1 end
print(pcall(f))
local function g(p) return p * 2 end
print(pcall(g))
print(pcall(function() local a; return -a end))
