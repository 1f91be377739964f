local a, b = 5, 0
local r = a % b
