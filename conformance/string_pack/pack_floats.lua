-- f (4 bytes), d and n (8 bytes)
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("<f", 1)), hex(string.pack(">f", -2.5)))
print(hex(string.pack("<d", 1)), hex(string.pack(">d", 0.1)), hex(string.pack("<n", -0.0)))
print(string.unpack("<f", string.pack("<f", 0.1)))
print(string.unpack("<d", string.pack("<d", 0.1)))
print(string.unpack(">n", string.pack(">n", math.pi)))
print(string.unpack("f", string.pack("f", 1e40)), string.unpack("f", string.pack("f", -1e-50)))
print(string.unpack("d", string.pack("d", 1/0)), string.unpack("d", string.pack("d", -1/0)))
local nan = string.unpack("d", string.pack("d", 0/0))
print(nan ~= nan)
print(math.type((string.unpack("d", string.pack("d", 3)))), math.type((string.unpack("f", string.pack("f", 3)))))
print(string.unpack("f", string.pack("f", 16777217)))
print(string.packsize("f"), string.packsize("d"), string.packsize("n"))
print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "f", {}))
print(string.unpack("d", string.pack("d", "2.5")))
