-- everything packed unpacks to the same values
local fmt = "<b B h H i3 I5 l L j J T f d n s1 s z c4 x i16 I9"
local values = {-5, 200, -300, 60000, -70000, 2^39 - 1, -1, 1, math.mininteger, math.maxinteger,
  77, 0.5, 0.1, -1e300, "short", "longer string", "zero-term", "four", -3, 2^60}
local packed = string.pack(fmt, table.unpack(values))
print(#packed)
local back = {string.unpack(fmt, packed)}
for i = 1, #values do
  print(i, back[i] == values[i], math.type(back[i]) or type(back[i]))
end
print(back[#values + 1])
