-- several shapes of larger arrays: organ pipe, sawtooth, few distinct values
local function check(t, name)
  table.sort(t)
  local ok = true
  for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
  print(name, #t, ok, t[1], t[#t])
end
local a = {}
for i = 1, 1000 do a[i] = i <= 500 and i or 1001 - i end
check(a, "organ")
local b = {}
for i = 1, 1000 do b[i] = i % 37 end
check(b, "saw")
local c = {}
for i = 1, 1000 do c[i] = (i * 7) % 3 end
check(c, "few")
local d = {}
for i = 1, 1000 do d[i] = (i % 2 == 0) and i or -i end
check(d, "alternating")
