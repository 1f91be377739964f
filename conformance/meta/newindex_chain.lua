-- __newindex chain through a table that itself has __newindex
local final = {}
local mid = setmetatable({}, {__newindex = final})
local t = setmetatable({}, {__newindex = mid})
t.k = "v"
print(rawget(t, "k"), rawget(mid, "k"), final.k)
