local s = string.rep("abc", 50000) .. "END"
print(s:find("END"))
print(s:find("E.D"))
print(#s:match("^(.*)END$"))
print(#s:match("^(.-)END"))
print(select(2, s:gsub("b", "")))
print(s:find("%f[E]"))
