-- utf8.codes: invalid sequences raise; stray continuation bytes after a character
-- are skipped (Lua 5.4.4)
print(pcall(function() for p, c in utf8.codes("h\xff") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("\x80abc") do print(p, c) end end))
for p, c in utf8.codes("a\x80\x80b") do print(p, c) end
for p, c in utf8.codes("é\x80") do print(p, c) end
print(pcall(function() for p, c in utf8.codes("ab\xE2\x82") do print(p, c) end end))
print(pcall(utf8.codes))
print(pcall(utf8.codes, nil))
print(pcall(utf8.codes, {}))
