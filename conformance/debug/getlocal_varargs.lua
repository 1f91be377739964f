-- Negative indices reach the extra arguments of a vararg function.
local function f(a, ...)
  for i = -1, -5, -1 do
    print(i, debug.getlocal(1, i))
  end
  print(debug.getlocal(1, 1))
end
f(1, "v1", nil, "v3")
f(1)
local function fixed(a)
  print(debug.getlocal(1, -1))
end
fixed(1)
