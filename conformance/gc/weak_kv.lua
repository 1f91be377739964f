-- "kv" tables drop an entry if the key or the value dies
local weak = setmetatable({}, {__mode = "kv"})
local k, v = {}, {}
weak[k] = v
weak[{}] = v
weak[k] = v
weak.x = {}
weak.y = "y"
collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print(n, weak[k] == v, weak.x, weak.y)
