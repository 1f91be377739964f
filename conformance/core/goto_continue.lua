-- goto continue pattern
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  print(i)
  ::continue::
end
local i = 0
while i < 5 do
  i = i + 1
  if i == 3 then goto next end
  print("w", i)
  ::next::
end
local n = 0
repeat
  n = n + 1
  if n == 2 then goto skip end
  print("r", n)
  ::skip::
until n >= 3
