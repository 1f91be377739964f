-- print and tostring agree on number formatting
local vals = {1, 1.0, -0.0, 0.1, 1e100, 2^63, math.mininteger, 255 // 1, 7 / 2}
for i = 1, #vals do print(vals[i], tostring(vals[i])) end
