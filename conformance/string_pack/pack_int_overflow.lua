-- integers that do not fit the size: signed and unsigned overflow
for n = 1, 7 do
  local limit = 1 << (8 * n - 1)
  print(n, (pcall(string.pack, "i" .. n, limit - 1)), pcall(string.pack, "i" .. n, limit))
  print(n, (pcall(string.pack, "i" .. n, -limit)), pcall(string.pack, "i" .. n, -limit - 1))
  print(n, (pcall(string.pack, "I" .. n, (limit << 1) - 1)), pcall(string.pack, "I" .. n, limit << 1))
end
print(pcall(string.pack, "I4", -1))
print((pcall(string.pack, "i8", math.mininteger)), (pcall(string.pack, "I8", -1)))
print(pcall(string.pack, "i2 i2", 1, 40000))
