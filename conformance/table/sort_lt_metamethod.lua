-- without a comparator, table.sort uses < and so __lt
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
local function V(v) return setmetatable({v = v}, mt) end
local t = {V(3), V(1), V(4), V(1), V(5), V(9), V(2), V(6)}
table.sort(t)
local out = {}
for i, x in ipairs(t) do out[i] = x.v end
print(table.concat(out, " "))
local cmp = 0
local counted = {__lt = function(a, b) cmp = cmp + 1 return a.v > b.v end}
local u = {}
for i = 1, 20 do u[i] = setmetatable({v = (i * 7) % 20}, counted) end
table.sort(u)
out = {}
for i, x in ipairs(u) do out[i] = x.v end
print(table.concat(out, " "), cmp > 0)
print(pcall(table.sort, {V(1), 2}))
