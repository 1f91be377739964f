-- A small Lua 5.4 program: closures, metatables, integer and float arithmetic.
local function counter(step)
  local n = 0
  return function()
    n = n + step
    return n
  end
end

local next_even = counter(2)
local evens = ""
for i = 1, 5 do
  evens = evens .. (i > 1 and ", " or "") .. next_even()
end
print("first evens: " .. evens)

local Vector = {}
Vector.__index = Vector
Vector.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vector) end
Vector.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
local v = setmetatable({x = 1, y = 2}, Vector) + setmetatable({x = 0.5, y = 3}, Vector)
print("vector sum:", v)
print("7 // 2 =", 7 // 2, "7 / 2 =", 7 / 2, "2^10 =", 2 ^ 10, "maxinteger + 1 =", math.maxinteger + 1)
