-- generators with wrap and a generic for
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
for i in range(4) do print(i) end
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a) a, b = b, a + b end
  end)
end
local g = fib()
local out = {}
for i = 1, 10 do out[i] = g() end
print(table.unpack(out))
