-- errors propagate out of a wrapped coroutine
local f = coroutine.wrap(function() error("inside wrap") end)
print(pcall(f))
local g = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(g)
print(ok, type(e), e.code)
local h = coroutine.wrap(function() return 1 end)
print(h())
print(pcall(h))
