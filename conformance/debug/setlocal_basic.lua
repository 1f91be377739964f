-- setlocal changes a variable of a running function.
local function change(level, n, v) return debug.setlocal(level + 1, n, v) end
local function f(a, ...)
  local b = 2
  print(change(1, 1, 100), a)
  print(change(1, 2, 200), b)
  print(change(1, -1, "va"), ...)
  print(change(1, 99, 1))
  print(change(1, -9, 1))
end
f(1, "x", "y")
local x = 1
print(debug.setlocal(1, 1, "changed"), x)
