-- a table used as __index is indexed, never called, even if it has __call
local callable = setmetatable({k = "from table"}, {__call = function() return "called" end})
local t = setmetatable({}, {__index = callable})
print(t.k, t.other)
