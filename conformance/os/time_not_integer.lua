-- Fields must be integers (or strings/floats convertible to one).
print(pcall(os.time, {year = 2000, month = 1, day = 1.5}))
print(pcall(os.time, {year = 2000, month = 1, day = "x"}))
print(pcall(os.time, {year = 2000, month = 1, day = true}))
print(pcall(os.time, {year = 2000, month = {}, day = 1}))
print(pcall(os.time, {year = "2000.5", month = 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = 0.5}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, min = "ten"}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, sec = false}))
