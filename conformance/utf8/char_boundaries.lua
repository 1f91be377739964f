-- the bytes utf8.char produces at each length boundary
for _, c in ipairs({0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}) do
  local s = utf8.char(c)
  local bytes = {}
  for p, cp in utf8.codes(s, true) do bytes[#bytes + 1] = p .. ":" .. cp end
  print(c, #s, table.concat(bytes, " "), s == utf8.char(c))
end
