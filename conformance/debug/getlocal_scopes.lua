-- Locals come and go with their blocks.
local function names()
  local out = ""
  local n = 1
  while true do
    local name = debug.getlocal(2, n)
    if not name then break end
    out = out .. name .. " "
    n = n + 1
  end
  return out
end
local function f()
  local a = 1
  print(names())
  do
    local b = 2
    print(names())
  end
  for i = 1, 1 do
    print(names())
  end
  for k, v in ipairs({1}) do
    print(names())
  end
  print(names())
end
f()
