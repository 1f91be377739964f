print(pcall(error, "msg"))
print(pcall(error, "msg", 1))
print(pcall(error, "msg", 2))
local function f() error("in f", 1) end
print(pcall(f))
local function g() error("blame caller", 2) end
local function h() g() end
print(pcall(h))
