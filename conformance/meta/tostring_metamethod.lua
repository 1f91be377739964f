-- __tostring is used by tostring and print
local p = setmetatable({x = 1, y = 2}, {__tostring = function(self) return "Point(" .. self.x .. ", " .. self.y .. ")" end})
print(p)
print(tostring(p))
print("value:", p)
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
