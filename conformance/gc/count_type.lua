-- collectgarbage("count") returns a float number of kilobytes
local c = collectgarbage("count")
print(type(c), math.type(c))
print(c > 0)
print(type(collectgarbage("count")))
