-- strings with zero bytes: whole with a plain %s, an error with modifiers
print(string.format("%q", string.format("%s", "a\0b")))
print(string.format("%q", string.format("<%s>", "\0")))
print(pcall(string.format, "%5s", "a\0b"))
print(pcall(string.format, "%.1s", "\0"))
print(pcall(string.format, "%-s", "x\0"))
print(string.format("%q", string.format("a\0b%d\0", 5)))
