-- Call and return events, for Lua and native functions, with the callee's name.
local log = {}
local function hook(ev)
  local i = debug.getinfo(2, "nS")
  log[#log + 1] = ev .. " " .. tostring(i.name) .. " " .. i.what
end
local function add(a, b) return a + b end
local obj = {}
function obj:m(x) return x * 2 end
debug.sethook(hook, "cr")
local x = add(1, 2)
obj:m(x)
local s = tostring(x)
debug.sethook()
for i = 1, #log do print(log[i]) end
