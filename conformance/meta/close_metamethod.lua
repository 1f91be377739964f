-- __close is looked up when the variable is closed
local mt = {}
local obj = setmetatable({}, mt)
mt.__close = function(o, e) print("first version", o == obj, e) end
do
  local x <close> = obj
  mt.__close = function(o, e) print("replaced version", o == obj, e) end
end
local ok, err = pcall(function()
  local y <close> = obj
  mt.__close = nil
end)
print(ok, err)
