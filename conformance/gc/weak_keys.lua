-- entries with dead keys disappear from a weak-keyed table
local weak = setmetatable({}, {__mode = "k"})
local alive = {}
weak[alive] = "alive"
weak[{}] = "dead"
weak[function() end] = "dead function"
weak["str"] = "string key"
weak[1] = "number key"
collectgarbage()
local n = 0
for k, v in pairs(weak) do n = n + 1 end
print(n)
print(weak[alive], weak.str, weak[1])
