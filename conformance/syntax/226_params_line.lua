local f = function(a, b
local x
