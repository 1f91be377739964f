-- Nested numeric for loops with integer and float arithmetic:
-- + - * // % on integers, / and + - * // % on floats, mixed comparisons.
local MOD = 1000000007
local isum, fsum, hits = 0, 0.0, 0

for i = 1, 6500 do
  local fi = i + 0.5
  for j = 1, 1000 do
    local a = i * j - (i - j)
    isum = (isum + a // 7 + a % 13) % MOD
    local x = fi / (j + 1.25)
    fsum = fsum + x * 0.5 - (x // 1.5) + (x % 2.5)
    if x > j then hits = hits + 1 end
  end
end

local down = 0
for k = 100000, 1, -3 do down = down + k % 5 end
local fstep = 0.0
for f = 0.0, 1000.0, 0.25 do fstep = fstep + f end

print("loops", isum, fsum, hits, down, fstep)
