-- cycles are collected
local weak = setmetatable({}, {__mode = "k"})
do
  local a, b = {}, {}
  a.other, b.other = b, a
  weak[a] = 1
  weak[b] = 2
  local self = {}
  self.self = self
  weak[self] = 3
end
collectgarbage()
print(next(weak))
