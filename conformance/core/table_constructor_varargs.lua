-- {...} collects varargs
local function pack(...) return {...} end
local t = pack(1, 2, 3)
print(#t, t[1], t[3])
local e = pack()
print(#e)
local function count(...) local t = {..., "end"} return #t, t[1], t[2] end
print(count("a", "b", "c"))
local function withn(...) return {n = select("#", ...), ...} end
local w = withn(nil, nil)
print(w.n, w[1], w[2])
