-- __close runs when goto leaves the block
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
do
  local a <close> = closer("outer")
  do
    local b <close> = closer("inner")
    goto out
  end
  ::out::
  print("between")
end
local n = 0
::again::
do
  local c <close> = closer("loop" .. n)
  n = n + 1
  if n < 3 then goto again end
end
print("end")
