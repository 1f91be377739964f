-- an uncaught argument error from string.unpack
print(string.unpack("b", "\1"))
print(string.unpack("i4", "\1\2"))
