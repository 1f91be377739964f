-- A message handler runs where the error happened, before the stack unwinds.
local function f() error("boom") end
print(xpcall(f, debug.traceback))
print(xpcall(f, function(m) return debug.traceback(m) end))
local function g() local x = nil; return x.y end
print(xpcall(g, debug.traceback))
print(xpcall(g, function(m) return debug.traceback(m, 2) end))
print(select(2, xpcall(error, debug.traceback, "direct")))
local function h() error({}) end
print(xpcall(h, function(e) return type(e) .. " " .. debug.traceback("obj") end))
