-- 5.1-clean
-- The fannkuch-redux benchmark: for every permutation of 1..N (in the order produced by
-- successive rotations of prefixes), count the pancake flips needed to bring 1 to the
-- front. Integer array reads, writes and swaps in tight loops; no allocation.
local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm1[i] = i end
  local max_flips, checksum, perm_count = 0, 0, 0
  local r = n
  while true do
    while r ~= 1 do
      count[r] = r
      r = r - 1
    end

    -- count the flips of this permutation, on a copy
    local first = perm1[1]
    if first ~= 1 then
      for i = 1, n do perm[i] = perm1[i] end
      local flips = 0
      repeat
        local lo, hi = 1, first
        while lo < hi do
          perm[lo], perm[hi] = perm[hi], perm[lo]
          lo = lo + 1
          hi = hi - 1
        end
        flips = flips + 1
        first = perm[1]
      until first == 1
      if flips > max_flips then max_flips = flips end
      if perm_count % 2 == 0 then
        checksum = checksum + flips
      else
        checksum = checksum - flips
      end
    end

    -- next permutation: rotate the prefix of length r+1 left until a counter is left
    while true do
      if r == n then return checksum, max_flips end
      local p0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = p0
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    perm_count = perm_count + 1
  end
end

-- Two rounds of N = 9 (N = 10 would take ten times as long as one).
local n = 9
local checksum, max_flips = 0, 0
for _ = 1, 2 do
  local c, m = fannkuch(n)
  checksum = checksum + c
  if m > max_flips then max_flips = m end
end
print("fannkuch " .. n .. " " .. checksum .. " " .. max_flips)
