-- '![n]' sets the maximum alignment; each option aligns to min(its size, max)
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("!4 b i4 b h", 1, 2, 3, 4)))
print(hex(string.pack("!b i16", 1, 2)))
print(hex(string.pack("!2 b i8", 1, 2)))
print(hex(string.pack("!8 b d", 1, 0)))
print(hex(string.pack("b i4", 1, 2)))
print(hex(string.pack("!4 b c3 i2", 1, "xyz", 2)))
print(string.packsize("!b i16"), string.packsize("!16 b i16"), string.packsize("!2 b d"), string.packsize("!1 b d"))
print(string.unpack("!4 b i4 b h", string.pack("!4 b i4 b h", 1, 2, 3, 4)))
print(string.unpack("!4 b s4", string.pack("!4 b s4", 1, "ab")))
print(pcall(string.packsize, "!17"))
print(pcall(string.packsize, "!0"))
