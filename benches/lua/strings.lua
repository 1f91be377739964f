-- 5.1-clean
-- Strings: building with .. in a loop (restarted every 100 pieces), numbers converted by
-- .., string keys in tables, #s, string equality and ordering.
local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi" }
local MOD = 1000000007
local check = 0

-- concatenation, bounded length
for round = 1, 20000 do
  local s = ""
  for i = 1, 100 do
    s = s .. words[(i + round) % #words + 1] .. i .. ","
  end
  check = (check + #s) % MOD
end

-- string keys built at run time
local counts = {}
for i = 1, 700000 do
  local k = "w" .. i % 97
  counts[k] = (counts[k] or 0) + 1
end
local distinct = 0
for k, v in pairs(counts) do
  distinct = distinct + 1
  check = check + #k * v
end

-- equality and ordering: find extremes and sort a small list repeatedly (insertion sort)
for round = 1, 1000 do
  local list = {}
  for i = 1, 40 do list[i] = words[(i * 7 + round) % #words + 1] .. (i % 10) end
  for i = 2, #list do
    local v, j = list[i], i - 1
    while j >= 1 and list[j] > v do
      list[j + 1] = list[j]
      j = j - 1
    end
    list[j + 1] = v
  end
  local eq = 0
  for i = 2, #list do
    if list[i] == list[i - 1] then eq = eq + 1 end
    if list[i - 1] <= list[i] then check = check + 1 end
  end
  check = (check + eq + #list[1] + #list[#list]) % MOD
end

print("strings " .. check .. " " .. distinct)
