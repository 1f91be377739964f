-- A coroutine that died of an error keeps its stack for debug.traceback.
local co = coroutine.create(function(x)
  local function fail() error("oops") end
  fail()
end)
print(coroutine.resume(co, 5))
print(debug.traceback(co))
print(debug.traceback(co, "again", 1))
local co2 = coroutine.create(function() local x = nil; x() end)
print(coroutine.resume(co2))
print(debug.traceback(co2, "runtime"))
