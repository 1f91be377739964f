-- varargs in the middle of an argument list give one value
local function count(...) return select("#", ...) end
local function pass(...) return ... end
print(count(pass(1, 2, 3), 4))
print(count(4, pass(1, 2, 3)))
print(count(pass()))
print(count(pass(), nil))
local function f(...) return count(..., "x"), count("x", ...) end
print(f(1, 2, 3))
print(f())
