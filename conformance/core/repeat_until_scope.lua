-- the until condition sees locals of the body
local i = 0
repeat
  local done = i >= 3
  print(i)
  i = i + 1
until done
local n = 0
repeat n = n + 1 until n == 1
print(n)
local x = 10
repeat local x = x - 1 print(x) until x < 10
