local s = "abcdef"
print(s:sub(-3), s:sub(-3, -2), s:sub(-1, -1))
print(s:sub(-100), s:sub(-100, 2), s:sub(-6, -6))
print(s:sub(2, -2), s:sub(-2, 2) == "", s:sub(0, -1))
print(s:sub(-7, -7) == "", s:sub(1, -7) == "", s:sub(1, -6))
print(s:sub(math.mininteger, math.maxinteger), s:sub(math.maxinteger) == "")
print(s:sub(math.mininteger, math.mininteger) == "", s:sub(3, math.mininteger) == "")
