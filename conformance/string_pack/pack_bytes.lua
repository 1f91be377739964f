-- b and B: one signed or unsigned byte
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("b", 0)), hex(string.pack("b", 127)), hex(string.pack("b", -128)), hex(string.pack("b", -1)))
print(hex(string.pack("B", 0)), hex(string.pack("B", 255)), hex(string.pack("B", 128)))
print(hex(string.pack("bBbB", 1, 2, 3, 4)))
print(string.unpack("b", "\255"), string.unpack("B", "\255"))
print(string.unpack("bB", "\128\128"))
print(pcall(string.pack, "b", 128))
print(pcall(string.pack, "b", -129))
print(pcall(string.pack, "B", 256))
print(pcall(string.pack, "B", -1))
