-- Hooks are off while the hook runs; a hook may turn itself off.
local depth, calls = 0, 0
debug.sethook(function(ev)
  calls = calls + 1
  local function inner() return 1 end
  inner()
end, "c")
local function a() end
a()
debug.sethook()
print("calls", calls)
local seen = {}
debug.sethook(function(ev, line)
  seen[#seen + 1] = line
  debug.sethook()
end, "l")
local x = 1
local y = 2
print(#seen, seen[1], debug.gethook())
