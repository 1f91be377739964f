-- Writes the input of batch_stats.lua: {"items": [{"id": i, "value": v}, ...]} with
-- N items (default 100000) whose values come from a fixed linear congruential
-- generator, so every run writes the same file.
--   moonlet examples/data/make_items.lua 100000 > items.json

local n = math.tointeger(tonumber(arg and arg[1] or "100000")) or 100000
local x = 12345
local out = { '{"items":[' }
for i = 1, n do
  x = (1103515245 * x + 12345) % 2147483648
  local value = (x % 1000000) / 100
  out[#out + 1] = string.format('%s{"id":%d,"value":%.2f}', i > 1 and "," or "", i, value)
end
out[#out + 1] = "]}"
print(table.concat(out, "\n"))
