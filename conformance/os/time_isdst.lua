-- isdst: true asks for daylight time (an hour earlier in a zone without it).
local function show(t)
  local r = os.time(t)
  print(r, t.hour, t.isdst)
end
show{year = 2000, month = 1, day = 1, isdst = true}
show{year = 2000, month = 1, day = 1, isdst = false}
show{year = 2000, month = 1, day = 1, isdst = nil}
show{year = 2000, month = 1, day = 1, isdst = 0}
show{year = 2000, month = 7, day = 1, hour = 0, isdst = true}
