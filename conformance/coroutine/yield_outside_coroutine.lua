print(pcall(coroutine.yield, 1))
coroutine.yield()
