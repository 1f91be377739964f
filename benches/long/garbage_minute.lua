-- Issue 3's garbage loop: allocate garbage (cyclic tables, closures, strings) for a
-- given number of seconds (default 60) and report the peak of collectgarbage("count").
-- Run it with /usr/bin/time -f %M to see the process's peak memory as well:
--   /usr/bin/time -f "peak RSS %M KB" target/release/moonlet benches/long/garbage_minute.lua 60
local seconds = tonumber(arg and arg[1]) or 60
local start = os.clock()
local peak, rounds = 0, 0
while os.clock() - start < seconds do
  for _ = 1, 10000 do
    local a = { n = rounds }
    local b = { prev = a, s = "garbage " .. rounds }
    a.next = b                       -- a cycle
    b.f = function() return a.n end  -- a closure holding it
  end
  rounds = rounds + 1
  local kb = collectgarbage("count")
  if kb > peak then peak = kb end
end
print(string.format("%d rounds of 10000 in %d s, peak collectgarbage('count') %.0f KB",
  rounds, seconds, peak))
