print(("abc"):find(""))
print(("abc"):match(""))
print((""):find(""))
print((""):match(""))
print(("abc"):gsub("", ""))
local n = 0
for _ in ("ab"):gmatch("") do n = n + 1 end
print(n)
