-- Aggregation and grouping: totals per user, as an array of groups.
--   moonlet --input examples/data/transactions.json examples/group.lua

local byUser = {}
for _, tx in ipairs(_io.input.transactions) do
  local group = byUser[tx.userId]
  if not group then
    group = { userId = tx.userId, total = 0, count = 0 }
    byUser[tx.userId] = group
  end
  group.total = group.total + tx.amount
  group.count = group.count + 1
end

-- Groups in order of user id, so the output does not depend on traversal order.
local ids = {}
for id in pairs(byUser) do ids[#ids + 1] = id end
table.sort(ids)

local groups = ext.table()
for _, id in ipairs(ids) do
  groups[#groups + 1] = byUser[id]
end
_io.output = { groups = groups }
