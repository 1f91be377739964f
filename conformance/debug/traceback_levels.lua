-- The level argument chooses where the traceback starts.
local function inner()
  print(debug.traceback("level 1", 1))
  print(debug.traceback("level 0", 0))
  print(debug.traceback("level 2", 2))
  print(debug.traceback("level 3", 3))
  print(debug.traceback("too far", 50))
  print(debug.traceback("negative", -1))
end
local function outer() inner() end
outer()
