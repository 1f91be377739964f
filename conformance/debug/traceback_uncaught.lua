-- An uncaught error: lua prints the message and a traceback (only the message is compared).
local function fail() error("final failure") end
local function caller() fail() end
print(debug.traceback("before"))
caller()
