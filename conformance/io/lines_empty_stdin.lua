-- io.lines over an empty standard input: no iterations.
local n = 0
for line in io.lines() do n = n + 1 end
print(n)
for a, b in io.lines(nil, "n", 1) do n = n + 1 end
print(n)
for l in io.stdin:lines("L") do n = n + 1 end
print(n)
local it = io.lines()
print(type(it), it(), select("#", it()))
print(select("#", io.lines()))
