-- parentheses truncate to a single value
local function f() return "a", "b" end
print((f()))
local function g() return (f()) end
print(g())
local function h() return f() end
print(h())
local function none() end
print((none()))
print(select("#", (none())))
local t = {(f())}
print(#t)
