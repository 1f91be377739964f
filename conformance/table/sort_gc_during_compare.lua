-- values stay alive while the comparator runs collections and allocates
local t = {}
for i = 1, 200 do t[i] = {key = (i * 37) % 200, name = "item" .. i} end
local calls = 0
table.sort(t, function(a, b)
  calls = calls + 1
  if calls % 50 == 0 then collectgarbage() end
  local garbage = {}
  for j = 1, 5 do garbage[j] = {j} end
  return a.key < b.key
end)
local ok = true
for i = 2, #t do if t[i - 1].key > t[i].key then ok = false end end
print(ok, t[1].key, t[1].name, t[200].key, t[200].name)
-- a comparator that empties the table: sorting still ends
local u = {}
for i = 1, 30 do u[i] = {v = 31 - i} end
local n = 0
local okcall = pcall(table.sort, u, function(a, b)
  n = n + 1
  if n == 10 then for k = 1, 30 do u[k] = nil end collectgarbage() end
  return (a and a.v or 0) < (b and b.v or 0)
end)
print(type(okcall), n > 0)
