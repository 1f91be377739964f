-- break leaves only the innermost loop
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    print(i, j)
  end
end
local i = 0
while true do
  i = i + 1
  for j = 1, 10 do
    if j > i then break end
  end
  if i == 3 then break end
end
print(i)
for i = 1, 3 do
  do
    if i == 2 then break end
  end
  print("after do", i)
end
