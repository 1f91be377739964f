-- getlocal of a function value gives its parameter names only.
local function f(a, b, ...)
  local inside = 1
  return inside
end
for i = -1, 4 do print(i, debug.getlocal(f, i)) end
print(debug.getlocal(function(self, x) end, 1))
print(debug.getlocal(print, 1))
print(select('#', debug.getlocal(f, 1)))
local co = coroutine.create(print)
print(debug.getlocal(co, f, 2))
