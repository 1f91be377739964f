print(pcall(string.find, "abc", "%b"))
print(pcall(string.find, "abc", "%b("))
print(pcall(string.find, "abc", "a%b("))
print(pcall(string.find, "(a)", "%b()"))
