-- Numeric strings and integral floats are accepted as fields.
print(os.time{year = "2000", month = "1", day = "1", hour = "0"})
print(os.time{year = 2000.0, month = 1.0, day = 1.0, hour = 0.0})
print(os.time{year = " 0x7D0 ", month = "1e0", day = 1, hour = 0})
local t = {year = "2000", month = "13", day = "1"}
os.time(t)
print(t.year, math.type(t.year), t.month, t.day, t.hour)
