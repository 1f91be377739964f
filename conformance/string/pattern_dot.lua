print(("abc"):match("."), ("\0"):match(".") == "\0", (""):match("."))
print(("a\nb"):match("a.b"))
print(("abc"):match("..."), ("ab"):match("..."))
print(("x\255y"):match(".(.)."):byte())
