-- traceback's level must be an integer; the thread form has its own default level.
print(pcall(debug.traceback, "m", "x"))
print(pcall(debug.traceback, "m", 1.5))
local co = coroutine.create(function() end)
print(pcall(debug.traceback, co, "m", {}))
print(debug.traceback("m", "2"))
print(debug.traceback(co, "not started", 0))
