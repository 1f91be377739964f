-- infinities and nan
print(math.huge, -math.huge)
print(tostring(math.huge), tostring(-math.huge))
print(1e309, -1e309)
print(math.huge .. "", -math.huge .. "")
local nan = math.huge - math.huge
print(nan ~= nan)
print(math.huge == math.huge, math.huge > math.maxinteger)
