local z
local function f() return z.field end
print(pcall(f))
local function g() z.field = 1 end
g()
