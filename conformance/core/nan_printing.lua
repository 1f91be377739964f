-- how nan values print
local nan = 0 / 0
print(nan)
print(-nan)
print(-(0 / 0))
print(math.huge - math.huge)
print(math.huge * 0)
print(tostring(nan) == tostring(nan))
print(nan == nan, nan ~= nan, nan < nan, nan <= nan)
print(nan < 1, nan > 1, 1 < nan)
