-- Found by lua-uri: `error(msg, 2)` in a function that a function called by pcall
-- reached through a tail call. The tail call replaced the caller, so level 2 is pcall
-- itself and the message gets no position.
local function f() error("msg", 2) end
print(pcall(function() return f() end))
print(pcall(function() f() end))
local function g() return f() end
print(pcall(function() g() end))
print(pcall(function() return g() end))
print(pcall(f))
local function h() return error("direct", 2) end
print(pcall(function() return h() end))
print(pcall(function() local ok, e = pcall(function() return f() end) error(e, 1) end))
local co = coroutine.wrap(function() return f() end)
print(pcall(co))
print(select(2, xpcall(function() return f() end, function(m) return "handled: " .. m end)))
