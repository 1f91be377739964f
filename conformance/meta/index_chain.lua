-- __index chains through several tables
local A = {a = "from A"}
local B = setmetatable({b = "from B"}, {__index = A})
local C = setmetatable({c = "from C"}, {__index = B})
local obj = setmetatable({}, {__index = C})
print(obj.a, obj.b, obj.c, obj.d)
local F = setmetatable({}, {__index = function(_, k) return k .. "!" end})
local G = setmetatable({}, {__index = F})
print(G.x)
