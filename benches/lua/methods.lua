-- 5.1-clean
-- OOP with metatables: a class with __index, method calls obj:m(), and inheritance
-- through an __index chain two levels deep (Colored -> Point3 -> Point).
local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({ x = x, y = y }, Point)
end
function Point:move(dx, dy)
  self.x = self.x + dx
  self.y = self.y + dy
end
function Point:sum() return self.x + self.y end
function Point:scale(k) self.x = self.x * k; self.y = self.y * k; return self end

local Point3 = setmetatable({}, { __index = Point })
Point3.__index = Point3
function Point3.new(x, y, z)
  local p = Point.new(x, y)
  p.z = z
  return setmetatable(p, Point3)
end
function Point3:sum() return Point.sum(self) + self.z end

local Colored = setmetatable({}, { __index = Point3 })
Colored.__index = Colored
function Colored.new(x, y, z, c)
  local p = Point3.new(x, y, z)
  p.c = c
  return setmetatable(p, Colored)
end
function Colored:weight() return self:sum() * self.c end

local MOD = 1000000007
local check = 0
local objs = {}
for i = 1, 100 do
  local k = i % 3
  if k == 0 then objs[i] = Point.new(i, 1)
  elseif k == 1 then objs[i] = Point3.new(i, 2, 3)
  else objs[i] = Colored.new(i, 3, 4, i % 5 + 1) end
end

for round = 1, 14000 do
  for i = 1, #objs do
    local o = objs[i]
    o:move(1, -1)                       -- found 0, 1 or 2 levels up the chain
    check = check + o:sum()
    if o.c then check = check + o:weight() end
  end
  check = check % MOD
end

for i = 1, 200000 do
  local p = Colored.new(i, i, i, 2)
  check = (check + p:scale(2):weight()) % MOD
end

print("methods " .. check)
