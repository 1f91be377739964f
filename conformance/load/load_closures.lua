-- Functions and closures made by loaded chunks.
local make = load("local n = 0 return function() n = n + 1 return n end")
local c1, c2 = make(), make()
print(c1(), c1(), c2(), c1())
local outer = 10
local f = load("return outer")
print(f())
local g = load("local inner = load('return 1 + ...') return inner(2)")
print(g())
local h = load("return function(...) return select('#', ...) end")()
print(h(1, nil, 3))
print(load("return load")() == load)
