-- Found by CGILua's lp.compile, which reports a template's syntax error with
-- error(msg, 3) and may be called through pcall: level 2 is pcall itself (no
-- position), level 3 the function that called pcall, which has one.
local function lib(level) error("failed", level) end
print(pcall(lib, 1))
print(pcall(lib, 2))
print(pcall(lib, 3))
print(pcall(lib, 4))
local function wrapper(level)
  local ok, e = pcall(lib, level)
  return e
end
print(wrapper(3))
print(pcall(wrapper, 3))
print(pcall(function() return wrapper(3) end))
local function deep(level)
  return select(2, pcall(function() lib(level) end))
end
print(deep(2), deep(3), deep(4))
-- through sort's comparator and gsub's callback, natives called by Lua
print(pcall(table.sort, {3, 2, 1}, function(a, b) lib(3) end))
print(pcall(string.gsub, "x", "x", function() lib(3) end))
print(pcall(function() table.sort({3, 2, 1}, function(a, b) lib(3) end) end))
-- inside a coroutine, levels end at its first function
local co = coroutine.create(function(level) pcall(lib, level) lib(level) end)
print(coroutine.resume(co, 3))
print(coroutine.resume(coroutine.create(function() local ok, e = pcall(lib, 3) error(e, 0) end)))
print(pcall(pcall, lib, 3))
print(select(2, pcall(error, "direct", 2)))
print(select(2, pcall(error, "direct", 3)))
