-- string.unpack returns the values and then the position after them
print(string.unpack("<i4", "\1\0\0\0"))
print(string.unpack("<i2 i2", "\1\0\2\0"))
print(string.unpack("b b b", "\1\2\3"))
print(string.unpack("b", "\1\2\3"))
print(string.unpack("<i4 s1 z d", string.pack("<i4 s1 z d", 7, "abc", "zz", 0.5)))
print(select("#", string.unpack("bbbb", "abcd")))
print(string.unpack("<I3", "abc"))
