-- getupvalue gives an upvalue's name and value, in the order the function uses them.
local a, b = 1, 2
local function f() return a + b end
local function g() return b, print end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(select('#', debug.getupvalue(f, 3)), select('#', debug.getupvalue(f, 0)), select('#', debug.getupvalue(f, -1)))
print(debug.getupvalue(g, 1))
local name, env = debug.getupvalue(g, 2)
print(name, env == _ENV)
print(debug.getupvalue(print, 1))
print(debug.getinfo(g, "u").nups, debug.getinfo(f, "u").nups)
local w = coroutine.wrap(function() end)
local name, co = debug.getupvalue(w, 1)
print(name == "", type(co))
