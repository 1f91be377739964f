-- %u prints the integer's bits as unsigned; only '-' and '0' flags
print(string.format("%u", 3))
print(string.format("%u", -1))
print(string.format("%u", math.mininteger))
print(string.format("[%5u] [%-5u] [%05u]", 7, 7, 7))
print(string.format("[%.3u] [%.0u]", 7, 0))
print(pcall(string.format, "%+u", 1))
print(pcall(string.format, "% u", 1))
print(pcall(string.format, "%#u", 1))
