-- a closure-based stateful iterator
local function counter(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i, i * i end
  end
end
for i, sq in counter(4) do print(i, sq) end
local function chars(list)
  local idx = 0
  return function() idx = idx + 1 return list[idx] end
end
for c in chars({"x", "y"}) do print(c) end
