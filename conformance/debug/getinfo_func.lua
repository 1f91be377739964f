-- 'f' gives the function running at a level.
local function f() return debug.getinfo(1, "f").func end
print(f() == f)
local function g() return debug.getinfo(2, "f").func end
local function caller() return g() == caller end
print(caller())
print(debug.getinfo(0, "f").func == debug.getinfo)
print(debug.getinfo(print, "f").func == print)
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print(debug.getinfo(co, 0, "f").func == coroutine.yield)
