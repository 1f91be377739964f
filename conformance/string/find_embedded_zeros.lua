local s = "a\0b\0c"
print(s:find("\0"))
print(s:find("\0", 3))
print(s:find("b\0c"))
print(s:find("%z"))
print(s:find("[\0]", 1))
print(s:find("[^%z]+", 2))
print(s:find(".\0.", 1))
print(("x\0y"):find("\0", 1, true))
