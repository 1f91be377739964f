-- errors and pcall around metamethods that yield, __le through __lt, and a
-- metamethod calling another one
local mt = {}
mt.__lt = function(x, y) return coroutine.yield("lt") end
mt.__index = function(t, k)
  if k == "bad" then error("no field " .. k) end
  return coroutine.yield("index") .. "!"
end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.create(function()
  print("pcall", pcall(function() return a.bad end))
  print("ok", pcall(function() return a.good end))
  print("le", a <= b, b >= a)
  local nested = setmetatable({}, { __index = function(_, k) return a[k] end })
  print("nested", nested.deep)
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "G"))
print(coroutine.resume(co, true))
print(coroutine.resume(co, false))
print(coroutine.resume(co, "D"))
print(coroutine.status(co))
print(pcall(function() local t = setmetatable({}, mt) return t.x end))
