-- X<op>: padding to the alignment of the next option, which it consumes
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("!8 b Xi8 b", 1, 2)))
print(hex(string.pack("!8 b Xi2 b", 1, 2)))
print(hex(string.pack("b Xi4 b", 1, 2)))
print(string.packsize("!8 b Xi8"), string.packsize("!8 b Xd"), string.packsize("!4 b Xi8"))
print(string.packsize("!8 bXs"), string.packsize("!8 i2 Xi4 b"), string.packsize("!8 Xi8"))
print(string.unpack("!8 b Xi8 b", string.pack("!8 b Xi8 b", 1, 2)))
print(pcall(string.packsize, "bX"))
print(pcall(string.packsize, "bXz"))
print(pcall(string.packsize, "bXc3"))
print(pcall(string.packsize, "bX i4"))
print(pcall(string.pack, "bX<", 1))
print(pcall(string.unpack, "bXx", "\1\0"))
