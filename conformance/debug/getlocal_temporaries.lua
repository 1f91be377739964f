-- Slots below the call without a variable name are temporaries.
local function f(a, b)
  local x = debug.getlocal(1, 3)
  local y = debug.getlocal(1, 4)
  print(x, y)
  print(select('#', debug.getlocal(1, 50)))
end
f(1, 2)
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
