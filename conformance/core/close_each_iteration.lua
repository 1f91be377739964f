-- a to-be-closed variable in a loop body is closed at the end of each iteration
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
for i = 1, 3 do
  local c <close> = closer(i)
  print("body", i)
end
local i = 0
while i < 2 do
  i = i + 1
  local c <close> = closer("w" .. i)
end
