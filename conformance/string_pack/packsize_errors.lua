-- string.packsize: no variable-size options, and the total must fit an int
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "s4"))
print(pcall(string.packsize, "z"))
print(pcall(string.packsize, "i4 z"))
print(pcall(string.packsize))
print(pcall(string.packsize, {}))
local big = "c2147483639"
print(pcall(string.packsize, big .. "c9"))
print(pcall(string.packsize, big .. "c8"))
print(pcall(string.packsize, big .. "b"))
print(pcall(string.packsize, "c1000000000c1000000000c1000000000"))
