-- pcall and xpcall appear as C levels between Lua functions.
pcall(function() print(debug.traceback("in pcall")) end)
xpcall(function() print(debug.traceback("in xpcall")) end, print)
print(pcall(debug.traceback, "called by pcall"))
print(pcall(debug.traceback, "level 0", 0))
local function nested()
  pcall(pcall, function() print(debug.traceback("nested")) end)
end
nested()
