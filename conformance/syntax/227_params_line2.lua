local function f(a, b
local x
