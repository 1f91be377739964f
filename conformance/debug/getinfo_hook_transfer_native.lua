-- Native functions receive call and return events too.
local log = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "Snr")
  log[#log + 1] = ev .. " " .. tostring(i.name) .. " " .. i.what .. " " .. i.short_src .. " " .. i.ntransfer
end, "cr")
local t = rawequal(1, 1)
local n = select("#", 1, 2, 3)
debug.sethook()
for i = 1, #log do print(log[i]) end
