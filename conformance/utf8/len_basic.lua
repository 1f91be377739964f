-- utf8.len counts characters starting in [i, j]
print(utf8.len("héllo"), utf8.len(""), utf8.len("abc"), utf8.len("€€€"))
print(utf8.len("héllo", 2), utf8.len("héllo", 4), utf8.len("héllo", 1, 2), utf8.len("héllo", 1, 3))
print(utf8.len("héllo", -1), utf8.len("héllo", -3), utf8.len("héllo", -10 + 10 + 1, -2))
print(utf8.len("abc", 4), utf8.len("", 1), utf8.len("abc", 3, 2), utf8.len("abc", 2, 1))
print(utf8.len("😀a😀"), utf8.len(12345), utf8.len("abc", "2"), utf8.len("abc", 1.0, -1.0))
print(utf8.len("\u{10FFFF}\u{0}"), utf8.len("a\0b"))
