-- 5.1-clean
-- Coroutines: a producer/filter/consumer pipeline exchanging values through
-- coroutine.resume/yield in both directions, generators from coroutine.wrap, and many
-- short-lived coroutines.
local MOD = 1000000007
local check = 0

-- producer -> filter -> consumer
local function producer(n)
  return coroutine.create(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end

local function filter(prod)
  return coroutine.create(function()
    while true do
      local _, v = coroutine.resume(prod)
      if v == nil then return end
      if v % 3 ~= 0 then coroutine.yield(v * 2) end
    end
  end)
end

local function consume(co)
  local sum, n = 0, 0
  while true do
    local _, v = coroutine.resume(co)
    if v == nil then break end
    sum = sum + v
    n = n + 1
  end
  return sum, n
end

local sum, n = consume(filter(producer(1200000)))
check = (check + sum + n) % MOD

-- values passed into the coroutine by resume and out by yield
local acc = coroutine.create(function(x)
  local total = 0
  while true do
    total = total + x
    x = coroutine.yield(total)
  end
end)
for i = 1, 1200000 do
  local _, t = coroutine.resume(acc, i)
  check = (check + t) % MOD
end

-- generators with coroutine.wrap
local function range(a, b)
  return coroutine.wrap(function()
    for i = a, b do coroutine.yield(i, i * i) end
  end)
end
for i, sq in range(1, 800000) do
  check = (check + sq - i) % MOD
end

-- many short-lived coroutines
for i = 1, 150000 do
  local co = coroutine.wrap(function(a, b)
    local c = coroutine.yield(a + b)
    return c * 2
  end)
  check = (check + co(i, 1) + co(3)) % MOD
end

print("coroutines " .. check .. " " .. n)
