-- codepoint with negative and boundary positions
local s = "x€y"
print(utf8.codepoint(s, -1), utf8.codepoint(s, -5), utf8.codepoint(s, 1, -1))
print(select("#", utf8.codepoint(s, 6)), select("#", utf8.codepoint(s, 5, 4)))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 7))
print(pcall(utf8.codepoint, s, 1, 6))
print(pcall(utf8.codepoint, s, -6))
print(utf8.codepoint(s, 2, 2), utf8.codepoint(s, 2, 3), utf8.codepoint(s, 2, 5))
