-- comparators that are not strict orders: Lua detects these deterministically
print(pcall(table.sort, {1, 2, 3, 4, 5}, function(a, b) return true end))
print(pcall(table.sort, {5, 4, 3, 2, 1}, function(a, b) return true end))
print(pcall(table.sort, {1, 1, 1, 1, 1}, function(a, b) return a <= b end))
print(pcall(table.sort, {3, 1, 2}, function(a, b) return true end))
local t = {}
for i = 1, 50 do t[i] = i % 7 end
print(pcall(table.sort, t, function(a, b) return true end))
local u = {}
for i = 1, 50 do u[i] = 1 end
print(pcall(table.sort, u, function(a, b) return a <= b end))
local ok = pcall(table.sort, {2, 1}, function() return true end)
print(ok)
local ok2 = pcall(table.sort, {5, 1, 4, 2, 3}, function() return false end)
print(ok2)
