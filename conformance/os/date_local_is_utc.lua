-- Run with TZ=UTC: local time is UTC, only %Z tells them apart.
local t = 1234567890
print(os.date("%Y-%m-%d %H:%M:%S", t))
print(os.date("%c", t) == os.date("!%c", t))
print(os.date("%Z"), os.date("!%Z"), os.date("%z"), os.date("!%z"))
local l, u = os.date("*t", t), os.date("!*t", t)
print(l.year == u.year, l.hour == u.hour, l.yday == u.yday, l.isdst, u.isdst)
print(os.date(nil, 0))
print(os.date("*t", 0).hour, os.date("*t", 0).isdst)
