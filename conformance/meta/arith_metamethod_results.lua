-- metamethod results are adjusted to one value
local mt = {__add = function() return 1, 2, 3 end, __concat = function() end}
local o = setmetatable({}, mt)
print(o + o)
print(o .. o)
print(select("#", o + o))
