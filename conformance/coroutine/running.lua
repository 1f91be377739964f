-- running returns the current coroutine and whether it is the main one
local main, ismain = coroutine.running()
print(type(main), ismain)
local co
co = coroutine.create(function()
  local c, m = coroutine.running()
  print(c == co, m, type(c))
end)
coroutine.resume(co)
print(coroutine.status(main))
