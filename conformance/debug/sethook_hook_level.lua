-- Inside a hook, level 1 is the hook ('hook' '?') and level 2 the hooked function.
local function hook(ev, line)
  local me = debug.getinfo(1, "n")
  print(ev, line, me.namewhat, me.name)
  print(debug.traceback("in hook"))
  debug.sethook()
end
local function f()
  debug.sethook(hook, "l")
  local a = 1
end
f()
local function g() return 1 end
debug.sethook(function(ev) print(ev, debug.traceback("tb", 2)) end, "c")
g()
debug.sethook()
