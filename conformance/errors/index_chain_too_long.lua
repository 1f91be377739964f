local t = setmetatable({}, {})
getmetatable(t).__index = t
print(pcall(function() return t.x end))
local u = setmetatable({}, {})
getmetatable(u).__newindex = u
u.y = 1
