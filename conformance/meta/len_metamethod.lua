-- __len
local t = setmetatable({1, 2, 3}, {__len = function(self) return 42 end})
print(#t, rawlen(t))
local u = setmetatable({}, {__len = function() return "not a number" end})
print(#u)
local v = setmetatable({}, {__len = function(self, other) return other == self end})
print(#v)
