-- utf8 function types and the pattern's bytes by codepoint in lax mode
local names = {}
for k, v in pairs(utf8) do names[#names + 1] = k .. "=" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(utf8.len(utf8.charpattern, 1, -1, true))
print(utf8.codepoint(utf8.charpattern, 1, 3))
