-- getlocal lists a level's active locals in order, parameters first.
local function f(a, b)
  local x = 10
  local y = "s"
  local n = 1
  while true do
    local name, v = debug.getlocal(1, n)
    if not name then break end
    print(n, name, type(v) == "function" and "function" or v)
    n = n + 1
  end
  local name, v = debug.getlocal(2, 1)
  print(name, type(v))
end
local outer = "main local"
f(1, 2)
local n1, v1 = debug.getlocal(1, 1)
print(n1, type(v1))
print(debug.getlocal(1, 2))
