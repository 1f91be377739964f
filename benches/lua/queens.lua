-- 5.1-clean
-- N-queens by backtracking: recursion and array reads/writes.
local N = 10

local function ok(a, n, c)
  for i = 1, n - 1 do
    local ai = a[i]
    if ai == c or ai - i == c - n or ai + i == c + n then
      return false
    end
  end
  return true
end

local count, check = 0, 0
local function add_queen(a, n)
  if n > N then
    count = count + 1
    for i = 1, N do check = (check + a[i] * i) % 1000000007 end
  else
    for c = 1, N do
      if ok(a, n, c) then
        a[n] = c
        add_queen(a, n + 1)
      end
    end
  end
end

for _ = 1, 9 do add_queen({}, 1) end
print("queens " .. N .. " " .. count .. " " .. check)
