local s = "abcdef"
print(s:sub(2.0), s:sub("3"), s:sub("-2"), s:sub(" 2 ", "0x3"))
print(pcall(string.sub, s, "2.5"))
print(pcall(string.sub, s, 2^53))
print(s:sub(-0.0), s:sub(1e0, 2e0))
