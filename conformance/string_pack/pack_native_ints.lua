-- l L j J T: 8-byte integers on this platform
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("<l", -1)), hex(string.pack("<L", 1)))
print(hex(string.pack("<j", math.maxinteger)), hex(string.pack("<J", math.mininteger)))
print(hex(string.pack("<T", 258)))
print(string.packsize("l"), string.packsize("L"), string.packsize("j"), string.packsize("J"), string.packsize("T"))
print(string.unpack("<J", string.pack("<J", -1)))
print(string.unpack("<T", string.pack("<T", 12345)))
print(string.unpack("<l<L", string.pack("<l<L", -5, 5)))
