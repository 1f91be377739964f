-- Deep recursion, an __index loop and recursive metamethods end in catchable errors.
local function f(n) return f(n + 1) + 1 end
print(pcall(f, 1))
local t = setmetatable({}, {})
getmetatable(t).__index = t
print(pcall(function() return t.x end))
local m = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return m.x end))
local s = ""
for i = 1, 20000 do s = s .. "x" end
print(#s)
local function g(n) if n == 0 then return 0 end return g(n - 1) end
print(g(1000000))
