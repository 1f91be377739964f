-- 5.1-clean
-- Table access: array append (t[#t+1] = v), array read/write, hash part with string keys
-- and sparse integer keys, nested tables. Checksums never depend on pairs() order.
local MOD = 1000000007
local check = 0

-- array part: append, update, read
for round = 1, 3200 do
  local a = {}
  for i = 1, 1000 do a[#a + 1] = i * 3 + round end
  for i = 1, #a do a[i] = a[i] - i end
  local s = 0
  for i = 1, #a do s = s + a[i] end
  check = (check + s) % MOD
end

-- hash part: string keys
local keys = {}
for i = 1, 200 do keys[i] = "key" .. i end
for round = 1, 4000 do
  local h = {}
  for i = 1, #keys do h[keys[i]] = i end
  for i = 1, #keys do
    local k = keys[i]
    h[k] = h[k] + round
  end
  local s = 0
  for _, v in pairs(h) do s = s + v end
  check = (check + s + h.key1 + h.key200) % MOD
end

-- hash part: sparse integer keys
for round = 1, 1000 do
  local h = {}
  for i = 1, 1000 do h[i * 7919 + round] = i end
  local s = 0
  for i = 1, 1000 do s = s + h[i * 7919 + round] end
  for k, v in pairs(h) do s = s + (k - v) % 10 end
  check = (check + s) % MOD
end

-- nested tables: a matrix and records with fields
for round = 1, 400 do
  local m = {}
  for i = 1, 60 do
    local row = {}
    for j = 1, 60 do row[j] = i * j + round end
    m[i] = row
  end
  local s = 0
  for i = 1, 60 do
    for j = 1, 60 do s = s + m[i][j] - m[j][i] + m[i][i] end
  end
  local recs = {}
  for i = 1, 500 do
    recs[#recs + 1] = { id = i, pos = { x = i, y = -i }, tags = { i, i + 1 } }
  end
  for i = 1, #recs do
    local r = recs[i]
    r.pos.x = r.pos.x + r.tags[2]
    s = s + r.pos.x + r.pos.y + r.id
  end
  check = (check + s) % MOD
end

print("tables " .. check)
