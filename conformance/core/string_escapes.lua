-- escape sequences in short strings
print("a\tb")
print("line1\nline2")
print("quote\"s", 'single\'s', "back\\slash")
print("\65\066\0671")
print("\x41\x42\x61")
print("\u{48}\u{49}")
print(#"\a\b\f\v\r")
print("\97\98\99" == "abc")
print("tab:\9:")
print("a\
b")
print("\u{E9}" == "\xC3\xA9")
print(#"\u{7FFFFFFF}")
