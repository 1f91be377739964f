-- os.time of a date table (UTC), with the default hour 12 and default min/sec 0.
print(os.time{year = 2000, month = 1, day = 1, hour = 0})
print(os.time{year = 2000, month = 1, day = 1})
print(os.time{year = 1970, month = 1, day = 1, hour = 0})
print(os.time{year = 1970, month = 1, day = 2, hour = 0, min = 0, sec = 1})
print(os.time{year = 2038, month = 1, day = 19, hour = 3, min = 14, sec = 7})
print(os.time{year = 1900, month = 1, day = 1, hour = 0})
print(os.time{year = 2024, month = 2, day = 29, hour = 23, min = 59, sec = 59})
print(math.type(os.time{year = 2000, month = 1, day = 1}))
