-- isyieldable is false in the main thread, true inside a coroutine
print(coroutine.isyieldable())
local co = coroutine.create(function() print(coroutine.isyieldable()) end)
coroutine.resume(co)
print(coroutine.wrap(function() return coroutine.isyieldable() end)())
