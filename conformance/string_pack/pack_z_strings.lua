-- z: a zero-terminated string
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("z", "abc")), hex(string.pack("z", "")))
print(string.unpack("z", "abc\0def\0"))
print(string.unpack("zz", "abc\0def\0"))
print(string.unpack("z", "\0"))
print(string.unpack("zB", "hi\0\7"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "z", nil))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "z", ""))
print(pcall(string.unpack, "z", "abc\0", 5))
print(string.unpack("z", "abc\0", 4))
print(hex(string.pack("z", 42)))
