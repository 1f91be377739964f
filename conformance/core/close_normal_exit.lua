-- __close runs in reverse order at normal block exit
local function closer(name)
  return setmetatable({}, {__close = function(self, err) print("close", name, err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = closer("c")
  print("body")
end
print("after")
