-- A tail call is reported as 'tail call', and only the last function returns.
local log = {}
local function hook(ev, line)
  local i = debug.getinfo(2, "nSt")
  log[#log + 1] = ev .. " " .. tostring(i.name) .. " " .. tostring(i.istailcall) .. " " .. tostring(line)
end
local function last(n) return n + 1 end
local function middle(n) return last(n) end
debug.sethook(hook, "crl")
local r = middle(1)
debug.sethook()
for i = 1, #log do print(log[i]) end
print(r)
