print(pcall(string.match, string.rep("a", 200), string.rep("a?", 200)))
print(pcall(string.match, string.rep("a", 200), string.rep("a-", 200) .. "$"))
print(pcall(string.gsub, string.rep("x", 300), string.rep("x*", 300), "y"))
print(pcall(string.match, string.rep("a", 199), string.rep("a?", 199)) and "ok")
