-- the lax argument is any truthy value
local s = "\u{D800}"
print(pcall(utf8.codepoint, s, 1, 1, false))
print(pcall(utf8.codepoint, s, 1, 1, nil))
print(utf8.codepoint(s, 1, 1, 0), utf8.codepoint(s, 1, 1, ""), utf8.codepoint(s, 1, 1, {}))
print(utf8.len(s, 1, -1, "yes"), utf8.len(s, 1, -1, false))
for p, c in utf8.codes(s, 0) do print(p, c) end
