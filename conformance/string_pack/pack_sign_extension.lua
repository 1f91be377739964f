-- sizes beyond 8 bytes: negative values are sign-extended, unsigned ones zero-filled
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("<i9", -1)))
print(hex(string.pack(">i12", -2)))
print(hex(string.pack("<i16", math.mininteger)))
print(hex(string.pack("<I16", -1)))
print(hex(string.pack(">j", -1)), hex(string.pack(">J", 1)))
print(string.unpack("<i16", string.pack("<i16", math.mininteger)))
print(string.unpack("<i10", string.pack("<i10", -12345)))
print(string.unpack(">I12", string.pack(">I12", math.maxinteger)))
