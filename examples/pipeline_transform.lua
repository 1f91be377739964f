-- Pipeline, step 2: reshape step 1's output (given back as input).
--   moonlet --input step1.json examples/pipeline_transform.lua

local transformed = ext.table()
for i, person in ipairs(_io.input.items) do
  transformed[i] = {
    id = person.id,
    fullName = person.firstName .. " " .. person.lastName,
    age = person.age,
  }
end
_io.output = { items = transformed }
