-- strings and numbers are values, never removed from weak tables
local weak = setmetatable({}, {__mode = "kv"})
for i = 1, 10 do weak["key" .. i] = "value" .. i end
weak[1.5] = 2.5
weak[true] = false
collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print(n, weak.key3, weak[1.5], weak[true])
