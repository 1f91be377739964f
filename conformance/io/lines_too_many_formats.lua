-- io.lines takes at most 250 formats.
local formats = {}
for i = 1, 250 do formats[i] = "l" end
print(type(io.lines(nil, table.unpack(formats))))
formats[251] = "l"
print(pcall(io.lines, nil, table.unpack(formats)))
print(pcall(io.stdin.lines, io.stdin, table.unpack(formats)))
