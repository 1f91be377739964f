-- NaN compares false with everything; sorting still ends with the same result as Lua
local nan = 0 / 0
local t = {3, nan, 1, 2}
print(pcall(table.sort, t))
local out = {}
for i, v in ipairs(t) do out[i] = v ~= v and "nan" or tostring(v) end
print(table.concat(out, " "))
local u = {5, 4, nan, 3, 2, 1, nan, 0}
print(pcall(table.sort, u))
for i, v in ipairs(u) do out[i] = v ~= v and "nan" or tostring(v) end
print(table.concat(out, " ", 1, #u))
