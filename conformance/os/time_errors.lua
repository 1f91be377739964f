-- os.time's argument must be a table; some times cannot be represented.
print(pcall(os.time, 1))
print(pcall(os.time, "x"))
print(pcall(os.time, true))
print(type(os.time(nil)), math.type(os.time()))
-- -1 is C's error value for mktime, so Lua refuses that time.
print(pcall(os.time, {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}))
print(pcall(os.time, {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58}))
print(pcall(os.time, {year = 2^31 + 1899, month = 13, day = 1}))
print(pcall(os.time, {year = -2^31 + 1900, month = 0, day = 1}))
