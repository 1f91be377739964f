-- which math functions return integers and which floats
local inputs = {3, -3, 3.0, 3.5, -3.5, "3", "3.5", 2^63, -2^63, math.maxinteger, math.mininteger}
for _, name in ipairs({"abs", "ceil", "floor", "sqrt", "exp", "sin"}) do
  local out = {}
  for i, x in ipairs(inputs) do
    local r = math[name](x)
    out[i] = math.type(r) == "integer" and "i" or "f"
  end
  print(name, table.concat(out))
end
local out = {}
for i, x in ipairs(inputs) do
  local a, b = math.modf(x)
  out[i] = (math.type(a) == "integer" and "i" or "f") .. (math.type(b) == "integer" and "i" or "f")
end
print("modf", table.concat(out, " "))
