-- ftransfer and ntransfer describe the values a call receives or a return gives.
local log = {}
local function hook(ev)
  local i = debug.getinfo(2, "nr")
  local s = ev .. " " .. tostring(i.name) .. " " .. i.ftransfer .. " " .. i.ntransfer
  if i.ntransfer > 0 then
    local name, v = debug.getlocal(2, i.ftransfer)
    s = s .. " " .. tostring(name) .. "=" .. tostring(v)
  end
  log[#log + 1] = s
end
local function two(a, b) return a * 2, b * 2 end
local function none() end
debug.sethook(hook, "cr")
local p, q = two(3, 4)
none()
local s = tostring(12)
debug.sethook()
for i = 1, #log do print(log[i]) end
print(debug.getinfo(1, "r").ftransfer, debug.getinfo(1, "r").ntransfer)
