-- 5.1-clean
-- Closures: created in a loop, called, upvalues read and written, shared between closures.
local MOD = 1000000007
local total = 0

local function make_counter(start)
  local n = start
  return function(d)
    n = n + d
    return n
  end
end

local function make_adder(x)
  return function(y) return x + y end
end

for i = 1, 1000000 do
  local c = make_counter(i)
  c(1)
  c(2)
  local add = make_adder(i)
  total = (total + c(3) + add(7)) % MOD
end

-- two closures sharing one upvalue
local function cell()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
for i = 1, 400000 do
  local get, set = cell()
  set(i)
  set(get() * 2)
  total = (total + get()) % MOD
end

-- a fresh loop variable per iteration, captured and called later
for round = 1, 800 do
  local fs = {}
  for i = 1, 100 do fs[i] = function() return i * 2 + round end end
  local s = 0
  for i = 1, #fs do s = s + fs[i]() end
  total = (total + s) % MOD
end

-- nested closures reaching upvalues two levels out
local count = 0
local function outer(a)
  return function(b)
    return function(c)
      count = count + 1
      return a + b + c
    end
  end
end
for i = 1, 200000 do
  total = (total + outer(i)(2)(3)) % MOD
end

print("closures " .. total .. " " .. count)
