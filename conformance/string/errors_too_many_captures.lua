print(pcall(string.match, "abc", string.rep("()", 33)))
print(pcall(string.match, string.rep("a", 40), string.rep("(a)", 33)))
print(pcall(string.find, "", string.rep("(", 33)))
print(pcall(string.find, "", string.rep("(", 32)))
