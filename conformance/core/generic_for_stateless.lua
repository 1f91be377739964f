-- a stateless iterator
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
local function each(t) return iter, t, 0 end
for i, v in each({"a", "b", "c"}) do print(i, v) end
local function range(n)
  return function(limit, i) if i < limit then return i + 1 end end, n, 0
end
for i in range(4) do print(i) end
