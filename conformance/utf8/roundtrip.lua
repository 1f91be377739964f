-- char and codepoint are inverses; len and offset agree
local codes = {}
for i = 1, 40 do codes[i] = (i * 7919) % 0x10FFFF end
for i, c in ipairs(codes) do if c >= 0xD800 and c <= 0xDFFF then codes[i] = 0x41 end end
local s = utf8.char(table.unpack(codes))
print(#s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #codes
for i = 1, #codes do if back[i] ~= codes[i] then same = false end end
print(same)
local count = 0
for p, c in utf8.codes(s) do
  count = count + 1
  if utf8.offset(s, count) ~= p or codes[count] ~= c then print("mismatch", count) end
end
print(count)
print(utf8.offset(s, -1) == utf8.offset(s, #codes), utf8.offset(s, #codes + 1) == #s + 1)
