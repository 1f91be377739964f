-- errors in finalizers are turned into warnings and do not propagate
do
  setmetatable({}, {__gc = function() error("in finalizer") end})
end
print(pcall(collectgarbage))
print("continues")
