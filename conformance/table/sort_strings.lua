-- table.sort orders strings bytewise
local t = {"pear", "apple", "fig", "banana", "Apple", "", "apple pie", "Zebra", "10", "9"}
table.sort(t)
for i, v in ipairs(t) do print(i, "[" .. v .. "]") end
local bytes = {"\200", "\1", "a\0b", "a", "a\0a"}
table.sort(bytes)
print(#bytes[1], #bytes[2], #bytes[3], #bytes[4], #bytes[5])
