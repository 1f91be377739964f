-- a goto loop creates a fresh local each time round
local fns = {}
do
  local i = 1
  ::again::
  local x = i * 10
  fns[i] = function() return x end
  i = i + 1
  if i <= 3 then goto again end
end
print(fns[1](), fns[2](), fns[3]())
