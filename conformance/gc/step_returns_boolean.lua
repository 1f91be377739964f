-- "step" returns a boolean
print(type(collectgarbage("step")))
print(type(collectgarbage("step", 0)))
print(type(collectgarbage("step", 100)))
