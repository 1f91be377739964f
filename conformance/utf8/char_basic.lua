-- utf8.char encodes code points (extended UTF-8 up to 0x7FFFFFFF)
print(utf8.char(72, 101, 108, 108, 111))
print(utf8.char(233), utf8.char(8364), utf8.char(0x1F600))
print("[" .. utf8.char() .. "]", #utf8.char())
for _, c in ipairs({0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}) do
  local s = utf8.char(c)
  print(c, #s, utf8.codepoint(s, 1, 1, true) == c)
end
print(utf8.char(0xD800) == "\u{D800}", utf8.char(0x7FFFFFFF) == "\u{7FFFFFFF}")
print(utf8.char("65", 66.0))
