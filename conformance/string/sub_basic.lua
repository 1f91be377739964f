local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(7, 7))
print(string.sub(s, 1), string.sub(s, 0), string.sub(s, 3, 2) == "")
print(s:sub(5, 100), s:sub(12) == "", s:sub(11))
print(string.sub(12345, 2, 3), string.sub(1.5, 2))
print(s:sub("2", "4"), s:sub(2.0, 4.0))
