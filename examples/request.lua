-- Request/response: the host sends a method and its parameters in _io.input and
-- reads the response from _io.output.
--   moonlet --input examples/data/request.json examples/request.lua

local method = _io.input.method
local params = _io.input.params

if method == "calculateStats" then
  local sum = 0
  local count = #params.dataset
  for _, v in ipairs(params.dataset) do
    sum = sum + v
  end
  _io.output = { sum = sum, average = sum / count, count = count }
else
  _io.output = { error = "Unknown method: " .. tostring(method) }
end
