-- collecting in the middle of iteration keeps live data intact
local t = {}
for i = 1, 100 do t[i] = {v = i} end
local sum = 0
for i, v in ipairs(t) do
  if i % 10 == 0 then collectgarbage() end
  sum = sum + v.v
end
print(sum)
