-- unary metamethods receive the operand twice
local mt = {
  __unm = function(a, b) return rawequal(a, b) end,
  __len = function(a, b) return rawequal(a, b) end,
  __bnot = function(a, b) return rawequal(a, b) end,
}
local o = setmetatable({}, mt)
print(-o, #o, ~o)
