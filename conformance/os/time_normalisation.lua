-- Out-of-range fields carry over, and os.time writes the normalised fields back.
local fields = {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"}
local function show(t)
  local r = os.time(t)
  local line = tostring(r)
  for _, k in ipairs(fields) do line = line .. " " .. k .. "=" .. tostring(t[k]) end
  print(line)
end
show{year = 2000, month = 14, day = 40, hour = 25, min = -5, sec = 70}
show{year = 2000, month = 1, day = 0}
show{year = 2000, month = 0, day = 1}
show{year = 2000, month = -13, day = 1}
show{year = 2001, month = 3, day = -59}
show{year = 2000, month = 1, day = 1, hour = -1}
show{year = 2000, month = 1, day = 1, sec = 86400 * 366}
show{year = 2000, month = 1, day = 1, min = -1000000}
show{year = 1999, month = 12, day = 31, hour = 23, min = 59, sec = 60}
show{year = 2000, month = 2147483647, day = 1}
