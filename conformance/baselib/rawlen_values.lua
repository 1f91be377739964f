print(rawlen({1, 2, 3}), rawlen(""), rawlen("abc"), rawlen({}))
print(pcall(rawlen, nil))
print(pcall(rawlen, 5))
