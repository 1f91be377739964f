-- closures held only by a weak table are collected
local cache = setmetatable({}, {__mode = "v"})
local function make(i) return function() return i end end
local held = make(1)
cache[1] = held
cache[2] = make(2)
collectgarbage()
print(cache[1] == held, cache[2])
