-- io.write with many arguments of both kinds.
local args = {}
for i = 1, 60 do args[#args + 1] = i % 3 == 0 and i / 2 or (i % 3 == 1 and i or "|") end
io.write(table.unpack(args))
io.write("\n")
print(select("#", io.write()))
