-- Long stacks show the first 10 and the last 11 levels.
local function r(n) if n == 0 then print(debug.traceback("deep")) else r(n - 1) end end
r(25)
r(19)
r(20)
r(21)
local function t(n) if n == 0 then print(debug.traceback("deep tail")) return end return t(n - 1) end
t(30)
