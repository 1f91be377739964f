print(pcall(function() for k in nil do end end))
print(pcall(function() for k in {} do end end))
local t = {1, 2}
for k, v in t do print(k, v) end
