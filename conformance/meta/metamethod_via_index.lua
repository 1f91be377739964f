-- metamethods are fetched raw from the metatable, not through __index
local base = {__add = function() return "inherited" end}
local mt = setmetatable({}, {__index = base})
local o = setmetatable({}, mt)
print(pcall(function() return o + 1 end))
mt.__add = base.__add
print(o + 1)
