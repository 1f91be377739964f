-- os.date("!*t") returns every field of the broken-down time.
local fields = {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"}
for _, t in ipairs{0, 86399, 86400, 951868799, 1234567890, -1, -2208988800} do
  local d = os.date("!*t", t)
  local line = tostring(t)
  for _, k in ipairs(fields) do line = line .. " " .. k .. "=" .. tostring(d[k]) end
  print(line)
end
local n = 0
for _ in pairs(os.date("!*t", 0)) do n = n + 1 end
print("fields", n)
