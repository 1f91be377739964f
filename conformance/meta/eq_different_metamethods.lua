-- __eq is taken from the first operand, else the second
local A = setmetatable({}, {__eq = function() return true end})
local B = setmetatable({}, {__eq = function() return false end})
local C = {}
print(A == B, B == A)
print(A == C, C == A)
print(B == C, C == B)
