-- __gc must be present when setmetatable is called
local mt = {}
do
  local o = setmetatable({}, mt)
end
mt.__gc = function() print("should not run") end
collectgarbage()
local mt2 = {__gc = true}
do
  local o = setmetatable({}, mt2)
end
mt2.__gc = function() print("runs: field was present at setmetatable") end
collectgarbage()
print("end")
