local s = "caf\195\169 na\195\175ve"
print(#s, s:upper() == "CAF\195\169 NA\195\175VE")
print(s:find("\195"))
print(s:match("[\128-\255]+"))
print(select(2, s:gsub("[\128-\255]", "")))
print(s:gsub("%a+", "w"))
print(("\255"):find("%W"), ("\255"):find("%a"))
