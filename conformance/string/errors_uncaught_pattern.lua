print("before")
local r = string.match("abc", "[a")
print("not reached", r)
