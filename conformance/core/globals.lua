-- globals live in _ENV
g1 = 10
print(g1, _ENV.g1)
_ENV.g2 = 20
print(g2)
g1 = nil
print(g1)
print(undefined_global)
local function setg() g3 = "set in function" end
setg()
print(g3)
print(_ENV["g2"])
