-- __newindex as a function
local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(tbl, k, v)
end})
t.a = 1
t.a = 2
t.b = nil
t[1] = true
for i = 1, #log do print(log[i]) end
print(t.a, t[1])
local ro = setmetatable({}, {__newindex = function() error("read-only table", 2) end})
print(pcall(function() ro.x = 1 end))
