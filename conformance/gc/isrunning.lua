-- the collector is running by default
print(collectgarbage("isrunning"))
collectgarbage()
print(collectgarbage("isrunning"))
