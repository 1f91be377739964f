-- A vector type driven by metamethods: __add, __mul (scalar and dot product), __eq,
-- __len, and an __index function mapping x/y/z to array slots and other keys to methods.
-- Not 5.1-clean: Lua 5.1 ignores __len on tables.
local methods = {}
local Vec = {}

local function vec(x, y, z)
  return setmetatable({ x, y, z }, Vec)
end

local slot = { x = 1, y = 2, z = 3 }
Vec.__index = function(v, k)
  local i = slot[k]
  if i then return rawget(v, i) end
  return methods[k]
end

Vec.__add = function(a, b)
  return vec(a[1] + b[1], a[2] + b[2], a[3] + b[3])
end

Vec.__mul = function(a, b)
  if type(a) == "number" then
    return vec(a * b[1], a * b[2], a * b[3])
  elseif type(b) == "number" then
    return vec(a[1] * b, a[2] * b, a[3] * b)
  end
  return a[1] * b[1] + a[2] * b[2] + a[3] * b[3]
end

Vec.__eq = function(a, b)
  return a[1] == b[1] and a[2] == b[2] and a[3] == b[3]
end

Vec.__len = function(v) return 3 end

function methods.norm1(v)
  local s = 0
  for i = 1, #v do
    local c = v[i]
    if c < 0 then c = -c end
    s = s + c
  end
  return s
end

local MOD = 1000000007
local check, equal = 0, 0
local acc = vec(0, 0, 0)
for i = 1, 200000 do
  local a = vec(i % 17, -(i % 5), 3)
  local b = vec(1, 2, i % 7)
  local c = a + b * 2
  check = (check + c * a + c.x - c.y + c.z + c:norm1() + #c) % MOD
  if c == a + b + b then equal = equal + 1 end
  acc = acc + (i % 3) * c
end
check = (check + acc.x + acc.y + acc.z) % MOD
print("metamethods " .. check .. " " .. equal .. " " .. tostring(acc == vec(acc.x, acc.y, acc.z)))
