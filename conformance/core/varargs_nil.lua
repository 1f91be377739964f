-- nil values in varargs are counted
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil, nil), count(1, nil))
local function pass(...) return ... end
print(pass(1, nil, 3))
print(count(pass(nil, nil)))
local function second(...) local a, b = ... return b end
print(second(1), second(1, 2))
local function adj(...) local t = {...} return #t end
print(adj(1, 2, 3))
