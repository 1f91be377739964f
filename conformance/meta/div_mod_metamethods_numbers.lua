-- metamethods for operands that are numbers are not called
local mt = {__div = function() return "meta" end, __mod = function() return "meta" end}
local o = setmetatable({}, mt)
print(o / 1, 1 / o, o % 2)
print(4 / 2, 5 % 3)
