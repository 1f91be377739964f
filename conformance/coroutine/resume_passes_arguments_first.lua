-- the first resume passes arguments to the body; finishing returns its results
local co = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co, nil, 2, nil))
local co2 = coroutine.create(function() return end)
print(coroutine.resume(co2))
print(select("#", coroutine.resume(co2)))
