-- utf8.offset with counts past the ends
local s = "añb"
for n = -5, 5 do print(n, utf8.offset(s, n)) end
for n = -3, 3 do print("from 4", n, utf8.offset(s, n, 4)) end
print(utf8.offset(s, 1, #s + 1), utf8.offset(s, -1, #s + 1), utf8.offset(s, 2, #s + 1))
