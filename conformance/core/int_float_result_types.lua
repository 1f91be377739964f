-- result subtype of arithmetic
local function show(x) print(x, math.type(x)) end
show(1 + 1)
show(1 + 1.0)
show(3 * 2.0)
show(10 - 2.5)
show(2 * 3)
show(-(3))
show(-(3.0))
show(7 // 2.0)
show(7 % 2.0)
show(3 + 0.0)
show(1e2)
show(100)
