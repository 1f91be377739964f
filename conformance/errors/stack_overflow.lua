-- infinite recursion is caught as a stack overflow
local function rec(n) return 1 + rec(n + 1) end
local ok, msg = pcall(rec, 1)
print(ok, type(msg))
local function rec2() local t = {}; t[1] = rec2() return t end
ok, msg = pcall(rec2)
print(ok, type(msg))
print("still alive")
