-- entries with dead values disappear from a weak-valued table
local weak = setmetatable({}, {__mode = "v"})
local alive = {}
weak.a = alive
weak.b = {}
weak.c = "strings stay"
weak.d = 42
weak[1] = {}
weak.e = true
collectgarbage()
print(weak.a == alive, weak.b, weak.c, weak.d, weak[1], weak.e)
