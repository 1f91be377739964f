-- empty formats and formats of only spaces and settings
print(string.format("%q", string.pack("")))
print(string.packsize(""), string.packsize("   "), string.packsize("<>=!4 !"))
print(string.unpack("", "abc"))
print(string.unpack("", "abc", 3))
print(string.unpack("", "abc", 4))
print(string.unpack("  ", ""))
print(string.format("%q", string.pack(" < > ", 1, 2)))
