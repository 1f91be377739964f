-- Absent hour is noon; absent min and sec are zero; extra fields are ignored.
local a = os.time{year = 2020, month = 6, day = 15}
local b = os.time{year = 2020, month = 6, day = 15, hour = 12, min = 0, sec = 0}
print(a == b, os.date("!%T", a))
print(os.time{year = 2020, month = 6, day = 15, wday = 1, yday = 99, extra = "x"} == a)
