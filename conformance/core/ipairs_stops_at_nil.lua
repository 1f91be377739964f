-- ipairs iterates 1..n until the first nil
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end
local u = {[1] = "a", [2] = "b", [4] = "d", x = "x"}
for i, v in ipairs(u) do print(i, v) end
for i, v in ipairs({}) do print("never") end
local w = {false, false}
local n = 0
for i, v in ipairs(w) do n = n + 1 end
print(n)
local f, s, init = ipairs(t)
print(type(f), s == t, init)
print(f(t, 0))
print(f(t, 2))
