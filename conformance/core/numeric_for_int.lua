-- integer numeric for loops
for i = 1, 3 do print(i) end
for i = 3, 1 do print("never") end
for i = 1, 1 do print("once", i, math.type(i)) end
for i = 0, 10, 4 do print(i) end
local n = 0
for i = 1, 100 do n = n + i end
print(n)
for i = 1, 3 do
  local j = i * 2
  i = j
end
print("done")
