-- i[n] and I[n] for every size from 1 to 16, little and big endian
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
for n = 1, 16 do
  print(n, hex(string.pack("<i" .. n, -2)), hex(string.pack(">I" .. n, 5)),
    string.unpack("<i" .. n, string.pack("<i" .. n, -2)), string.unpack(">I" .. n, string.pack(">I" .. n, 100)))
end
print(hex(string.pack("i", 1)), hex(string.pack("I", 1)), string.packsize("i"), string.packsize("I"))
