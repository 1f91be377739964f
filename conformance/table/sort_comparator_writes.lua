-- a comparator that writes into the table being sorted (deterministic for Lua's algorithm)
local t = {5, 4, 3, 2, 1, 6, 7}
local calls = 0
local ok, err = pcall(table.sort, t, function(a, b)
  calls = calls + 1
  if calls == 3 then t[7] = 0 end
  return a < b
end)
print(ok, err, calls)
print(table.concat(t, " "))
local u = {3, 1, 2}
table.sort(u, function(a, b) u[4] = "extra" return a < b end)
print(u[1], u[2], u[3], u[4])
