-- istailcall is true for a function reached by a tail call.
local function flag() return debug.getinfo(2, "t").istailcall end
local function direct() local r = flag() return r end
local function tail() return flag() end
print(direct())
local function viatail() return direct() end
print(viatail())
local function check() return debug.getinfo(1, "t").istailcall end
local function tc() return check() end
print(tc(), check())
local function named() return debug.getinfo(1, "n") end
local function tcn() return named() end
local i = tcn()
print(i.name, i.namewhat)
