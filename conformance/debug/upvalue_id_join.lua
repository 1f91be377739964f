-- upvalueid tells shared upvalues apart; upvaluejoin makes one closure use another's.
local a, b = 1, 2
local function f() return a + b end
local function g() return b end
local function h() return a end
print(debug.upvalueid(f, 2) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
print(debug.upvalueid(f, 3), debug.upvalueid(f, 0), debug.upvalueid(print, 1))
print(f())
debug.upvaluejoin(f, 1, g, 1)
print(f(), debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
b = 10
print(f(), g(), h())
local w = coroutine.wrap(function() end)
print(debug.upvalueid(w, 1) == debug.upvalueid(w, 1), debug.upvalueid(w, 2))
