-- the first operand's metamethod is used, then the second's
local A = setmetatable({}, {__add = function() return "A" end})
local B = setmetatable({}, {__add = function() return "B" end})
local N = setmetatable({}, {})
print(A + B, B + A)
print(N + A, A + N)
print(1 + B, B + 1)
