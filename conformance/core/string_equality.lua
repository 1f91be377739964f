-- string equality is by value
local a = "hel"
local b = a .. "lo"
print(b == "hello")
local t = {}
t[b] = 1
print(t["hello"])
print("1" == 1, "1.0" == "1")
