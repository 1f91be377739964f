-- compile error: assignment to a const variable
local x <const> = 10
print(x)
x = 20
