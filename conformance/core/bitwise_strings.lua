-- in 5.4 strings are not converted for bitwise operations (the string
-- metamethods only cover arithmetic)
print(pcall(function() return "3" | 0 end))
print(pcall(function() return 1 & "0x10" end))
print(pcall(function() return ~"0" end))
print(pcall(function() local s = "8"; return s >> 1 end))
print(pcall(function() return "abc" | 0 end))
print("3" + 0 | 0)
