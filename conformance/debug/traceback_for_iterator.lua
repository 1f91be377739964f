-- A generic for's iterator is a 'for iterator'.
local done = false
local function iter()
  if done then return nil end
  done = true
  print(debug.traceback("iterating"))
  return 1
end
for k in iter do print("got", k) end
for k in function() print(debug.traceback()) end do end
