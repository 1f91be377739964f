-- utf8 errors raised from Lua code carry the caller's position and short names
print(pcall(function() return utf8.char(-1) end))
print(pcall(function() return utf8.codepoint("a", 0) end))
print(pcall(function() return utf8.len("a", 5) end))
print(pcall(function() return utf8.offset("a", 1, 5) end))
print(pcall(function() return utf8.codes() end))
print(pcall(function() return utf8.codepoint("\xff") end))
