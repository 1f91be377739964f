-- '<', '>' and '=' switch the byte order for the options after them
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("<i4>i4=i4", 1, 1, 1)))
print(hex(string.pack(">i2<i2", 258, 258)))
print(string.unpack("<I2>I2=I2", "\1\2\1\2\1\2"))
print(hex(string.pack(">d<d", 2, 2)))
print(hex(string.pack(">s2", "ab")), hex(string.pack("<s2", "ab")))
print(hex(string.pack("< > <i3", 65536)))
