-- utf8.offset finds the byte position of the n-th character
local s = "héllo€!"
for n = 1, 8 do print(n, utf8.offset(s, n)) end
for n = -1, -8, -1 do print(n, utf8.offset(s, n)) end
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 2), utf8.offset(s, 0, 7), utf8.offset(s, 0, 8))
print(utf8.offset(s, 1, 4), utf8.offset(s, 2, 4), utf8.offset(s, -1, 4), utf8.offset(s, -2, 4))
print(utf8.offset(s, 1, -1), utf8.offset(s, -1, -1), utf8.offset(s, 0, -1))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", 4), utf8.offset("abc", 5), utf8.offset("abc", 1, 4), utf8.offset("abc", -1, 4))
print(utf8.offset("abc", "2"), utf8.offset(12345, 2, 2.0))
