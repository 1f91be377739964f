-- ipairs in a generic for: plain tables, holes, extra loop variables, tables changed
-- while iterated, __index (the metamethod is consulted), and the iterator called by hand.
local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do print("plain", i, v) end
for i, v, extra in ipairs({"a", "b"}) do print("extra", i, v, extra) end
for i in ipairs({"x", "y"}) do print("one var", i) end

local grow = {1, 2, 3}
for i, v in ipairs(grow) do
  if i <= 3 then grow[#grow + 1] = v * 10 end
  print("grow", i, v)
end

local shrink = {1, 2, 3, 4}
for i, v in ipairs(shrink) do
  shrink[i + 1] = nil
  print("shrink", i, v)
end

local proxied = setmetatable({}, { __index = function(_, k) if k <= 3 then return k * k end end })
for i, v in ipairs(proxied) do print("__index", i, v) end

local partly = setmetatable({1, 2}, { __index = { [3] = "from meta" } })
for i, v in ipairs(partly) do print("partly", i, v) end

local f, s, c = ipairs(t)
print("by hand", f(s, c), f(s, 2), f(s, 3), f(s, 4))

local n = 0
for i, v in ipairs({}) do n = n + 1 end
print("empty", n)

-- The control variable is a copy: changing the loop variable does not skip.
for i, v in ipairs({"p", "q", "r"}) do
  print("copy", i, v)
  i = i + 10
end

-- Nested loops over the same table.
local m = {1, 2}
for i, a in ipairs(m) do for j, b in ipairs(m) do io.write(a * 10 + b, " ") end end
print()

print(pcall(function() for i, v in ipairs(nil) do end end))
print(pcall(function() for i, v in ipairs("abc") do print(i, v) end end))
