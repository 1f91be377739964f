-- an invalid sequence from Lua code
print(utf8.codepoint("ok"))
print(utf8.codepoint("\xff"))
