-- math.sqrt of integers gives floats; exact squares print as such
for _, x in ipairs({0, 1, 4, 9, 2, 10, 1e10, 2^52, math.maxinteger}) do
  print(x, math.sqrt(x))
end
print(math.sqrt(-0.0), math.sqrt(1e-320))
