local s = "abcdef"
print(s:byte(-1))
print(s:byte(-3, -1))
print(s:byte(-100, 2))
print(s:byte(-6))
print(s:byte(-7))
print(select("#", s:byte(4, 2)))
print(select("#", s:byte(-1, -2)))
