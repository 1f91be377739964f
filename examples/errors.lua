-- Structured error handling: a failure becomes a response, not a crash.
--   moonlet --input examples/data/divide.json examples/errors.lua

local ok, result = pcall(function()
  local input = _io.input
  if input.operation ~= "divide" then
    error({ code = "BAD_OPERATION", message = "unknown operation " .. tostring(input.operation) })
  end
  if input.b == 0 then
    error("Division by zero")
  end
  return input.a / input.b
end)

if ok then
  _io.output = { status = "ok", result = result }
elseif type(result) == "table" then
  _io.output = { status = "error", error = result.message, code = result.code }
else
  _io.output = { status = "error", error = result, code = "MATH_ERROR" }
end
