-- the format ends at a zero byte, as Lua reads it as a C string
print(string.packsize("i4\0i4"))
print(string.format("%q", string.pack("b\0b", 1, 2)))
print(string.unpack("b\0b", "\1\2"))
print(pcall(string.pack, "X\0i4", 1))
