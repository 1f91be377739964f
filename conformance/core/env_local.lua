-- a local _ENV changes what globals mean
local print = print
local saved = _ENV
do
  local _ENV = {x = "inner"}
  print(x)
  y = 1
  print(y, saved.y)
end
local function f(_ENV) return a + b end
print(f({a = 1, b = 2}))
