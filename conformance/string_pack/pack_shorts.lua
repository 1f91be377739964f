-- h and H: two bytes in either byte order
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("<h", 1)), hex(string.pack(">h", 1)), hex(string.pack("<h", -2)))
print(hex(string.pack("<H", 65535)), hex(string.pack(">H", 258)))
print(string.unpack("<h", "\255\127"), string.unpack(">h", "\255\127"))
print(string.unpack("<H", "\255\255"), string.unpack("<h", "\255\255"))
print(pcall(string.pack, "h", 32768))
print(pcall(string.pack, "h", -32769))
print(pcall(string.pack, "H", 65536))
print(string.unpack("<h", string.pack("<h", -32768)))
