-- garbage tables are reclaimed by a full collection
collectgarbage()
local before = collectgarbage("count")
do
  local keep = {}
  for i = 1, 100000 do keep[i] = {i} end
end
local peak = collectgarbage("count")
collectgarbage()
collectgarbage()
local after = collectgarbage("count")
print(peak > before + 1000)
print(after < before + 500)
print(after < peak)
