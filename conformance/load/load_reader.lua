-- load calls a reader function until it returns nil or an empty string.
local parts = {"return ", "1 ", "+ 41"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
local j = 0
local f = load(function() j = j + 1 if j == 1 then return "return 'first'" elseif j == 2 then return "" end return "error('not read')" end)
print(f(), j)
local k = 0
print(load(function() k = k + 1 if k == 1 then return 12 end end, "=numbers"))
print(load(function() return nil end)())
local calls = 0
print(type(load(function() calls = calls + 1 return nil end)), calls)
local m = 0
print(load(function() m = m + 1 if m == 1 then return "x =" end end))
local n = 0
print(load(function() n = n + 1 if n == 1 then return "x =" end end, "=reader"))
