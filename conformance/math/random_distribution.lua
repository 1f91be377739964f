-- seeded draws stay in range and cover small intervals
math.randomseed(2024)
local counts = {}
for i = 1, 6000 do
  local r = math.random(6)
  counts[r] = (counts[r] or 0) + 1
end
print(counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[0], counts[7])
local lo, hi = math.huge, -math.huge
for i = 1, 10000 do
  local f = math.random()
  if f < lo then lo = f end
  if f > hi then hi = f end
end
print(lo >= 0, hi < 1, lo, hi)
local okrange = true
for i = 1, 2000 do
  local r = math.random(-3, 3)
  if r < -3 or r > 3 or math.type(r) ~= "integer" then okrange = false end
end
print(okrange)
