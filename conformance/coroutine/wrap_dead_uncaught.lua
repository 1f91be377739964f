local f = coroutine.wrap(function() return "once" end)
print(f())
f()
