print(string.rep("a", 3, ""), string.rep("", 3, "ab"), string.rep("", 1, "ab") == "")
print(string.rep("a\0", 2, "\0"):byte(1, -1))
print(string.rep("-", 10), string.rep("ab", 2, 3))
print(#string.rep("x", 100000), #string.rep("xy", 1000, "z"))
