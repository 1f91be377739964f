-- utf8.codes with lax accepts surrogates and code points above 0x10FFFF
for p, c in utf8.codes("a\u{D800}b", true) do print(p, c) end
for p, c in utf8.codes("\u{110000}\u{7FFFFFFF}", true) do print(p, c) end
print(pcall(function() for p, c in utf8.codes("a\u{D800}b") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("\u{110000}") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("\xC1\xBF", true) do print(p, c) end end))
