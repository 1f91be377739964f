-- break out of repeat
local i = 0
repeat
  i = i + 1
  if i == 4 then break end
until false
print(i)
