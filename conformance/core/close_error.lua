-- __close receives the error object when the block exits by error
local function closer(name)
  return setmetatable({}, {__close = function(self, err) print("close", name, err) end})
end
print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  error("oops", 0)
end))
local obj = {}
local ok, e = pcall(function()
  local c <close> = setmetatable({}, {__close = function(_, err) print(err == obj) end})
  error(obj)
end)
print(ok, e == obj)
