-- strings compare bytewise
print("a" < "b", "a" < "aa", "Z" < "a")
print("" < "a", "a" < "", "" == "")
print("abc" < "abd", "abc" > "ab")
print("10" < "9", "a\0b" < "a\0c", "a\0" > "a")
print("A" <= "A", "B" >= "C")
print("hello" == "hel" .. "lo")
print("a" ~= "A")
