-- "collect" is the default option and returns 0
print(collectgarbage())
print(collectgarbage("collect"))
