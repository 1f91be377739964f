-- '%%' is a literal percent sign and takes no argument
print(string.format("%%"))
print(string.format("100%%"))
print(string.format("a%%b%%c", 1, 2))
print(string.format("%d%%", 50))
print(string.format(""))
print(string.format("no conversions"))
