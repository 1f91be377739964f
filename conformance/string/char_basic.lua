print(string.char(72, 101, 108, 108, 111))
print(string.char() == "", #string.char())
print(#string.char(0, 255, 0), string.char(0, 65):byte(2))
print(string.char("65", 66.0, "0x43"))
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local all = string.char(table.unpack(t))
print(#all, all:byte(1), all:byte(256), all:sub(66, 70))
