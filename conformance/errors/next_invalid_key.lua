print(pcall(next, {}, "nokey"))
print(pcall(next, {a = 1}, 1))
