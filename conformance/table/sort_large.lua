-- a larger sort (pseudo-random data from a fixed LCG) comes out ordered
local seed = 12345
local function rand()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local t = {}
for i = 1, 2000 do t[i] = rand() % 1000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(#t, ok, t[1], t[1000], t[2000])
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print(sum)
local desc = {}
for i = 1, 500 do desc[i] = 501 - i end
table.sort(desc)
print(desc[1], desc[250], desc[500])
local asc = {}
for i = 1, 500 do asc[i] = i end
table.sort(asc, function(a, b) return a > b end)
print(asc[1], asc[250], asc[500])
local same = {}
for i = 1, 300 do same[i] = 7 end
table.sort(same)
print(same[1], same[300], #same)
local strs = {}
for i = 1, 300 do strs[i] = tostring(rand() % 10000) end
table.sort(strs)
ok = true
for i = 2, #strs do if strs[i - 1] > strs[i] then ok = false end end
print(ok, strs[1], strs[300])
