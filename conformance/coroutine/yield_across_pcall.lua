-- yield works inside pcall in a coroutine
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("from inside pcall")
    error("after resume: " .. x, 0)
  end)
  coroutine.yield(ok, v)
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "X"))
print(coroutine.resume(co))
