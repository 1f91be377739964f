-- numbers as strings and strings as numbers, as Lua converts them
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("i4", "12")), hex(string.pack("i4", 3.0)), hex(string.pack("i4", "0x10")))
print(hex(string.pack("d", "1.5")), hex(string.pack("f", 2)))
print(hex(string.pack("s1", 42)), hex(string.pack("z", 1.5)), hex(string.pack("c3", -1)))
print(string.pack(12.0 // 1 == 12 and "b" or "B", 1) == "\1")
print(pcall(string.pack, 5, 1))
