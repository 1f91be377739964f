-- lax mode counts 5- and 6-byte sequences and surrogates
local s = utf8.char(0x41, 0xD800, 0x110000, 0x4000000, 0x7FFFFFFF, 0x42)
print(#s, utf8.len(s), utf8.len(s, 1, -1, true))
print(utf8.len(s, 2, -1, true), utf8.len(s, 5, -1, true), utf8.len(s, -1, -1, true))
print(utf8.codepoint(s, 1, -1, true))
local n = 0
for _ in utf8.codes(s, true) do n = n + 1 end
print(n)
