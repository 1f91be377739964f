-- __pairs overrides pairs
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1 if i <= 3 then return i, i * 10 end end, self, nil
end})
for k, v in pairs(t) do print(k, v) end
local p = setmetatable({a = 1}, {__pairs = function() return next, {z = 26}, nil end})
for k, v in pairs(p) do print(k, v) end
