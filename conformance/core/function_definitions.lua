-- forms of function definition
local t = {a = {b = {}}}
function t.a.b.f(x) return x * 2 end
print(t.a.b.f(21))
function t.a:m() return self == t.a end
print(t.a:m())
function gfunc() return "global" end
print(gfunc())
local function lf() return "local" end
print(lf())
local f = function() return "anon" end
print(f())
local function noreturn() end
print(noreturn())
print(select("#", noreturn()))
local function extra(a, b) return a, b end
print(extra(1, 2, 3))
print(extra())
