-- a running or normal coroutine cannot be closed
local co
co = coroutine.create(function()
  print(pcall(coroutine.close, co))
end)
coroutine.resume(co)
print(pcall(coroutine.close, (coroutine.running())))
