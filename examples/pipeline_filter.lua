-- Pipeline, step 1: keep the active people. The output table is built as an external
-- table from the start (ext.table()), so nothing is copied at the end, and the
-- records themselves are stored by reference.
--   moonlet --input examples/data/people.json --output step1.json examples/pipeline_filter.lua

local filtered = ext.table()
local count = 0
for _, person in ipairs(_io.input.items) do
  if person.active then
    count = count + 1
    filtered[count] = person
  end
end
_io.output = { items = filtered }
