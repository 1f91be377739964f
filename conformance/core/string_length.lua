-- # on strings counts bytes
print(#"", #"a", #"hello")
print(#"\0", #"a\0b", #"\n\t")
print(#"\u{48}", #"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}")
print(#[[
abc]])
local s = "xyz"
print(#s, #(s .. s))
print(#"\z
      abc")
