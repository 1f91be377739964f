-- ipairs uses __index in 5.4
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
for i, v in ipairs(proxy) do print(i, v) end
local base = {"a", "b"}
local t = setmetatable({}, {__index = base})
for i, v in ipairs(t) do print(i, v) end
