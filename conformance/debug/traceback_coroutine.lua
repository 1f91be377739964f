-- Tracebacks of other threads: a suspended coroutine waits in yield.
local function inner() coroutine.yield(1) end
local co = coroutine.create(function(a) local b = a; inner() end)
print(debug.traceback(co))
print(debug.traceback(co, "not started"))
coroutine.resume(co, 1)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.traceback(co, "from 1", 1))
print(debug.traceback(co, nil, 2))
print(debug.traceback(co, {}) ~= nil)
coroutine.resume(co)
print(coroutine.status(co))
print(debug.traceback(co, "dead"))
