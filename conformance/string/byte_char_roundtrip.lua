local s = "The quick brown fox\0\1\255"
local bytes = {s:byte(1, -1)}
print(#bytes, string.char(table.unpack(bytes)) == s)
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum)
