-- string.gsub with each kind of replacement: a string (with %0, %1 and %% escapes), a
-- table (hits, misses, false), a function (returning strings, numbers, nil and false),
-- a maximum number of substitutions, anchored patterns and patterns that match the
-- empty string. Not 5.1-clean: Lua 5.1 handles an empty match right after another
-- match differently.
local MOD = 1000000007
local check = 0
local function add(s, n)
  check = (check * 31 + #s + n + string.byte(s, #s // 2 + 1)) % MOD
end

local seed = 11
local function rand(n) -- 1..n
  seed = seed * 16807 % 2147483647
  return seed % n + 1
end

local words = { "red", "green", "blue", "cyan", "magenta", "yellow", "black", "white",
                "one", "two", "three", "four", "five", "six", "seven", "eight" }
local lines = {}
for i = 1, 300 do
  local parts = {}
  for j = 1, 8 + rand(8) do
    local r = rand(8)
    if r <= 5 then
      parts[j] = words[rand(#words)]
    elseif r == 6 then
      parts[j] = tostring(rand(5000))
    elseif r == 7 then
      parts[j] = "$" .. words[rand(#words)]
    else
      parts[j] = words[rand(#words)] .. "_" .. rand(9)
    end
  end
  lines[i] = table.concat(parts, "  ")
end

local colours = { red = "#f00", green = "#0f0", blue = "#00f", black = false,
                  white = "#fff", one = 1, two = 2 }
local env = { red = "R", blue = "B", seven = 7 }

local function shout(w)
  if #w > 4 then return string.upper(w) end
  return nil -- keep the match
end
local function number_fn(d)
  local n = tonumber(d)
  if n % 3 == 0 then return false end
  return n * 2
end

for round = 1, 75 do
  for i = 1, #lines do
    local line = lines[i]
    -- string replacements
    local s, n = string.gsub(line, "%s+", " ")
    add(s, n)
    s, n = string.gsub(line, "(%a+)_(%d)", "%2:%1")
    add(s, n)
    s, n = string.gsub(line, "%d+", "<%0>")
    add(s, n)
    s, n = string.gsub(line, "e", "%%", 3)
    add(s, n)
    s, n = string.gsub(line, "^%a+", "START")
    add(s, n)
    -- table replacements
    s, n = string.gsub(line, "%a+", colours)
    add(s, n)
    s, n = string.gsub(line, "%$(%a+)", env)
    add(s, n)
    -- function replacements
    s, n = string.gsub(line, "%a+", shout)
    add(s, n)
    s, n = string.gsub(line, "%d+", number_fn)
    add(s, n)
    -- empty matches
    s, n = string.gsub(line, "x*", "-", 20)
    add(s, n)
    -- plain characters that are magic in patterns, escaped
    s, n = string.gsub(line, "%$", "%%$")
    add(s, n)
  end
end

print("string_gsub " .. check)
