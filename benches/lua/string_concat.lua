-- Building strings: the buffer idiom (t[#t+1] = piece, then table.concat with and without
-- a separator, and over a sub-range), table.concat of integers and floats, chains of ..
-- in one expression (a .. b .. c .. d), strings grown with .. in a loop, string.rep with
-- a separator, and concatenations of concatenations.
-- Not 5.1-clean: 5.4 converts floats with integral values as "2.0", 5.1 as "2".
local MOD = 1000000007
local check = 0
local function add(s)
  check = (check * 31 + #s + string.byte(s, #s) + string.byte(s, #s // 3 + 1)) % MOD
end

local words = { "sun", "mercury", "venus", "earth", "mars", "jupiter", "saturn",
                "uranus", "neptune", "pluto", "moon", "io", "europa", "ganymede" }

for round = 1, 2400 do
  -- the buffer idiom
  local buf = {}
  for i = 1, 200 do
    buf[#buf + 1] = words[(i + round) % #words + 1]
  end
  add(table.concat(buf))
  add(table.concat(buf, ", "))
  add(table.concat(buf, "-", 50, 150))

  -- numbers in the buffer
  local nums = {}
  for i = 1, 100 do
    nums[i] = (i % 3 == 0) and (i * 0.5 + round) or (i * round)
  end
  add(table.concat(nums, " "))

  -- chains of .. in one expression, with numbers converted
  local s
  for i = 1, 100 do
    local w = words[i % #words + 1]
    s = "<" .. w .. " id=" .. i .. " r=" .. round .. " f=" .. i / 8 .. ">" .. w .. "</" .. w .. ">"
    add(s)
  end

  -- growing a string with .. in a loop (bounded length)
  local grown = ""
  for i = 1, 60 do
    grown = grown .. words[(i * round) % #words + 1] .. ";"
  end
  add(grown)

  -- string.rep, then concatenating concatenations
  local line = string.rep("=", round % 40 + 1) .. string.rep("ab", 10, "|")
  add(line)
  local joined = table.concat({ line, grown, s }, "\n") .. table.concat(buf, "", 1, 10)
  add(joined)
end

print("string_concat " .. check)
