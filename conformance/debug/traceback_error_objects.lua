-- traceback as a message handler for errors of any type.
local function thrower(v) error(v) end
for _, v in ipairs({"text", 42, true}) do
  print(xpcall(thrower, debug.traceback, v))
end
local t = {}
local ok, e = xpcall(thrower, debug.traceback, t)
print(ok, e == t)
print(xpcall(thrower, debug.traceback))
