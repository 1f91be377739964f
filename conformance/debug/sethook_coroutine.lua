-- A hook belongs to one thread: set on a coroutine, it fires only there.
local log = {}
local co = coroutine.create(function(a)
  local x = a + 1
  coroutine.yield(x)
  return x * 2
end)
debug.sethook(co, function(ev, line) log[#log + 1] = ev .. ":" .. tostring(line) end, "crl")
print(debug.gethook(co) ~= nil, debug.gethook())
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
for i = 1, #log do print(log[i]) end
local n = 0
debug.sethook(function() n = n + 1 end, "l")
local co2 = coroutine.create(function() return debug.gethook() end)
local ok, h = coroutine.resume(co2)
debug.sethook()
print(ok, h, n > 0)
