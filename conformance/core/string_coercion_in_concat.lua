-- numbers, but not other values, are coerced by ..
print(1 .. "", 1.0 .. "", -1 .. "")
print("n=" .. 3 + 4)
print(pcall(function() return "x" .. true end))
print(pcall(function() return "x" .. {} end))
print(pcall(function() return nil .. "x" end))
