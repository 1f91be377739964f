-- level 1 adds the position of error, level 2 of the caller, level 0 none
local function lvl1() error("msg1") end
local function lvl2() error("msg2", 2) end
local function lvl0() error("msg0", 0) end
print(pcall(lvl1))
print(pcall(lvl2))
local function caller() lvl2() end
print(pcall(caller))
print(pcall(lvl0))
local function lvl3() error("msg3", 3) end
local function mid() lvl3() end
local function top() mid() end
print(pcall(top))
