local rep = string.rep
print(pcall(function() return rep() end))
print(pcall(function() local up = string.upper return up() end))
local t = {f = string.sub}
print(pcall(function() return t.f("x") end))
print(pcall(function() local x = string.len() return x end))
print(pcall(string.len))
print(pcall(function() return string.byte("x", {}) end))
