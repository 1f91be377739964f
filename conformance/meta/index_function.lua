-- __index as a function receives the table and key
local t = setmetatable({present = 1}, {__index = function(tbl, k) return "computed " .. tostring(k) end})
print(t.present, t.missing, t[1])
local calls = 0
local u = setmetatable({}, {__index = function(tbl, k) calls = calls + 1 rawset(tbl, k, k * 2) return k * 2 end})
print(u[5], u[5], calls)
