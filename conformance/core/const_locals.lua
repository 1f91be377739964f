-- <const> locals
local x <const> = 42
local s <const> = "str"
print(x, s)
local function f() return x + 1 end
print(f())
local t <const> = {}
t.field = 1
print(t.field)
local a <const>, b = 1, 2
b = 3
print(a, b)
