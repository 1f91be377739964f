-- A bad format in io.lines is reported when the iterator reads.
local it = io.lines(nil, "x")
print(type(it))
print(pcall(function() for l in io.lines(nil, "z") do end end))
print(pcall(function() for l in io.lines(nil, "l", {}) do end end))
print(pcall(function() for l in io.stdin:lines("q") do end end))
