-- integers wider than 8 bytes must fit in a Lua integer when unpacked
local zeros8, ones8 = "\0\0\0\0\0\0\0\0", "\255\255\255\255\255\255\255\255"
print(string.unpack("<i16", "\255\255\255\255\255\255\255\127" .. zeros8))
print(string.unpack("<i16", "\0\0\0\0\0\0\0\128" .. ones8))
print(string.unpack("<i16", ones8 .. ones8))
print(string.unpack("<I16", ones8 .. zeros8))
print(string.unpack(">i9", "\255" .. ones8))
print(pcall(string.unpack, "<i16", ones8 .. zeros8))
print(pcall(string.unpack, "<i16", "\0\0\0\0\0\0\0\127" .. ones8))
print(pcall(string.unpack, "<I16", ones8 .. ones8))
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\0\1"))
print(pcall(string.unpack, ">i12", "\0\0\0\1" .. zeros8))
print(pcall(string.unpack, "<I10", ones8 .. "\1\0"))
print(pcall(string.unpack, ">s9", "\1" .. zeros8 .. "x"))
