-- switching modes returns the previous mode
print(collectgarbage("generational"))
print(collectgarbage("generational"))
print(collectgarbage("incremental"))
print(collectgarbage("incremental"))
local t = {}
for i = 1, 1000 do t[i] = {} end
collectgarbage()
print(#t)
