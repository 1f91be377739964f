-- finalizers run in reverse order of marking (creation order here)
for i = 1, 5 do
  setmetatable({}, {__gc = function() print("gc", i) end})
end
collectgarbage()
print("done")
