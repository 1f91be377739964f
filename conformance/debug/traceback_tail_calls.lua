-- A function reached by a tail call has no known caller.
local function show() print(debug.traceback("tail")) end
local function tc() return show() end
local function tc2() return tc() end
tc2()
local function plain() show() end
plain()
