-- assigning to the loop variable does not affect iteration
local seen = {}
for i = 1, 5 do
  seen[#seen + 1] = i
  i = i + 10
end
print(table.unpack(seen))
local lim = 3
for i = 1, lim do lim = 10 end
print(lim)
