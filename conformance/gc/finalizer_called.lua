-- __gc runs for unreachable objects during a full collection
do
  local obj = setmetatable({name = "obj"}, {__gc = function(o) print("finalizing", o.name) end})
end
print("before collect")
collectgarbage()
print("after collect")
