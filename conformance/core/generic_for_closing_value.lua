-- the fourth value of a generic for is closed when the loop ends
local function iter(n)
  local closer = setmetatable({}, {__close = function(_, err) print("closed", err) end})
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i end
  end, nil, nil, closer
end
for i in iter(2) do print(i) end
for i in iter(5) do
  if i == 2 then break end
  print(i)
end
local function f()
  for i in iter(5) do
    if i == 3 then return "returned" end
  end
end
print(f())
print(pcall(function()
  for i in iter(5) do error("boom", 0) end
end))
