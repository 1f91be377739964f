-- c<n>: a string of exactly n bytes (shorter ones padded with zeros)
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("c5", "abc")))
print(hex(string.pack("c3", "abc")))
print(hex(string.pack("c0", "")))
print(string.unpack("c2c1", "abc"))
print(string.format("%q", (string.unpack("c4", "a\0b\0"))))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "c", "a"))
print(pcall(string.packsize, "c"))
print(pcall(string.unpack, "c4", "abc"))
print(pcall(string.pack, "c1", 5))
print(pcall(string.pack, "c1", true))
print(string.packsize("c10"), string.packsize("c0"), string.packsize("c123456"))
