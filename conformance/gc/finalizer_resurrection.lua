-- an object can be resurrected by its finalizer; it is finalized only once
local saved
do
  setmetatable({value = 7}, {__gc = function(o) print("gc", o.value) saved = o end})
end
collectgarbage()
print(saved and saved.value)
saved = nil
collectgarbage()
print("no second finalization")
