-- x: one zero byte of padding; it takes no argument
local function hex(s)
  local out = ""
  for i = 1, #s do out = out .. string.format("%02x", (string.unpack("B", s, i))) end
  return out
end
print(hex(string.pack("xbx", 7)))
print(hex(string.pack("xxx")))
print(string.unpack("xbxb", "\0\1\0\2"))
print(string.packsize("x"), string.packsize("xxi4x"))
print(string.unpack("xxx", "abc"))
print(pcall(string.unpack, "xx", "a"))
