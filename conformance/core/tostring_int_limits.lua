-- integer limits print exactly
print(math.maxinteger)
print(math.mininteger)
print(tostring(math.maxinteger), tostring(math.mininteger))
print(math.maxinteger .. "", math.mininteger .. "")
print(math.maxinteger + 0.0, math.mininteger + 0.0)
print(0, -0, 1, -1, 1000000)
