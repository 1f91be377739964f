-- %q of a number reads back (here with tonumber) as the same number and subtype
local values = {0, 1, -1, 42, math.maxinteger, math.mininteger, 0.1, -2.5, 1.0, 1e300,
  5e-324, 2^63, -2^63, 1/3, 2^-1022, 1e-310, 1/0, -1/0}
for i = 1, #values do
  local v = values[i]
  local text = string.format("%q", v)
  local back = tonumber(text)
  print(i, text, back == v, math.type(back) == math.type(v))
end
