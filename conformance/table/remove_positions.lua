-- table.remove at every valid position of a small array
for pos = 0, 5 do
  local t = {"a", "b", "c", "d"}
  local ok, v = pcall(table.remove, t, pos)
  print(pos, ok, v, #t, table.concat(t, ","))
end
local t = {n = 1}
print(table.remove(t), t.n)
local holes = {1, 2, 3}
holes[5] = 5
print(table.remove(holes, 4), holes[4], holes[5])
