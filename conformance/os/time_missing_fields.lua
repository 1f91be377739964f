-- Required fields of the date table, checked in order: year, month, day.
print(pcall(os.time, {}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {day = 1}))
print(pcall(os.time, {day = 1, month = 1}))
print(pcall(os.time, {year = 2000, day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = nil, min = nil, sec = nil}))
