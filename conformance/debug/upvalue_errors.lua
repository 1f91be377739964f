-- Argument errors of the upvalue functions.
local x = 1
local function f() return x end
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.setupvalue, f))
print(pcall(debug.setupvalue, nil, 1, 1))
print(pcall(debug.upvalueid, f))
print(pcall(debug.upvalueid, {}, 1))
print(pcall(debug.upvaluejoin, f, 3, f, 1))
print(pcall(debug.upvaluejoin, f, 1, f, 2))
print(pcall(debug.upvaluejoin, print, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1))
print(pcall(debug.upvaluejoin, f, 1, 2, 1))
local w = coroutine.wrap(function() end)
print(pcall(debug.upvaluejoin, w, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1, w, 1))
