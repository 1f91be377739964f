-- Batch statistics: one pass over a large array of records handed over by the host.
--   moonlet examples/data/make_items.lua > items.json
--   moonlet --input items.json examples/batch_stats.lua

local items = _io.input.items
local stats = { count = #items, sum = 0, min = math.huge, max = -math.huge }

for i = 1, #items do
  local value = items[i].value
  stats.sum = stats.sum + value
  stats.min = math.min(stats.min, value)
  stats.max = math.max(stats.max, value)
end

stats.average = stats.sum / stats.count
_io.output = stats
