-- utf8.char with many arguments builds one string
local cps = {}
for i = 1, 200 do cps[i] = 0x3B1 + (i % 25) end
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s))
print(utf8.char(0x48, 0x49, 0x20, 0x263A, 0x20, 0x1F30D))
print(utf8.char(0x41, 0x0, 0x42) == "A\0B")
