-- s[n]: a string after its length as an unsigned integer of n bytes (default 8)
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("s", "abc")))
print(hex(string.pack("s1", "abc")), hex(string.pack(">s3", "hi")))
print(hex(string.pack("s1", "")))
print(string.unpack("s1", "\3abcdef"))
print(string.unpack("<s2s1", "\2\0hi\1!"))
print(string.unpack("s", string.pack("s", "a\0b")))
print(hex(string.pack("s1", 12)))
local s255 = ""
for _ = 1, 255 do s255 = s255 .. "x" end
print(#string.pack("s1", s255), pcall(string.pack, "s1", s255 .. "x"))
print(pcall(string.pack, "s", {}))
print(pcall(string.pack, "s"))
print(pcall(string.pack, "s17", "x"))
print(pcall(string.pack, "s0", "x"))
