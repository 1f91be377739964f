-- utf8.len over every (i, j) range of a short mixed string
local s = "a€b"
for i = 1, #s + 1 do
  local row = {}
  for j = 0, #s do
    local n, pos = utf8.len(s, i, j)
    row[#row + 1] = n and tostring(n) or ("nil@" .. pos)
  end
  print(i, table.concat(row, " "))
end
