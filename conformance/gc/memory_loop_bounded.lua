-- allocating in a loop with periodic collection keeps memory bounded
collectgarbage()
local base = collectgarbage("count")
local max = 0
for round = 1, 20 do
  for i = 1, 10000 do local t = {i, i + 1, {}} end
  collectgarbage()
  local c = collectgarbage("count")
  if c > max then max = c end
end
print(max < base + 1000)
