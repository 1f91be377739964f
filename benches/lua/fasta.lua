-- 5.1-clean
-- The fasta benchmark: generate DNA sequences, one by repeating a fixed sequence and two
-- by weighted random choice driven by a linear congruential generator. Float arithmetic,
-- linear search over cumulative probabilities, string.sub, one-character strings joined
-- with table.concat into 60-column lines. The lines go into a table instead of stdout;
-- a checksum of them is printed at the end.
local LINE = 60

local ALU =
  "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" ..
  "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" ..
  "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" ..
  "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" ..
  "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" ..
  "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" ..
  "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

-- { symbol, probability } pairs
local IUB = {
  { "a", 0.27 }, { "c", 0.12 }, { "g", 0.12 }, { "t", 0.27 },
  { "B", 0.02 }, { "D", 0.02 }, { "H", 0.02 }, { "K", 0.02 },
  { "M", 0.02 }, { "N", 0.02 }, { "R", 0.02 }, { "S", 0.02 },
  { "V", 0.02 }, { "W", 0.02 }, { "Y", 0.02 },
}
local HOMO_SAPIENS = {
  { "a", 0.3029549426680 }, { "c", 0.1979883004921 },
  { "g", 0.1975473066391 }, { "t", 0.3015094502008 },
}

-- The benchmark's generator: last = (last * 3877 + 29573) mod 139968.
local IM, IA, IC = 139968, 3877, 29573
local last = 42
local function random(max)
  last = (last * IA + IC) % IM
  return max * last / IM
end

local out = {}

local function emit_repeat(header, seq, n)
  out[#out + 1] = header
  local len = #seq
  local twice = seq .. seq
  local pos = 1
  while n > 0 do
    local width = n < LINE and n or LINE
    out[#out + 1] = string.sub(twice, pos, pos + width - 1)
    pos = pos + width
    if pos > len then pos = pos - len end
    n = n - width
  end
end

local function emit_random(header, table_, n)
  out[#out + 1] = header
  -- cumulative probabilities, in two parallel arrays
  local chars, probs = {}, {}
  local acc = 0
  for i = 1, #table_ do
    acc = acc + table_[i][2]
    chars[i] = table_[i][1]
    probs[i] = acc
  end
  local count = #probs
  local buf = {}
  while n > 0 do
    local width = n < LINE and n or LINE
    for i = 1, width do
      local r = random(1.0)
      local k = 1
      while k < count and probs[k] < r do k = k + 1 end
      buf[i] = chars[k]
    end
    for i = width + 1, #buf do buf[i] = nil end
    out[#out + 1] = table.concat(buf)
    n = n - width
  end
end

local n = 400000
emit_repeat(">ONE Homo sapiens alu", ALU, n * 2)
emit_random(">TWO IUB ambiguity codes", IUB, n * 3)
emit_random(">THREE Homo sapiens frequency", HOMO_SAPIENS, n * 5)

-- checksum: total length, and a few sampled bytes of every line
local MOD = 1000000007
local total, check = 0, 0
for i = 1, #out do
  local line = out[i]
  total = total + #line + 1
  check = (check * 31 + string.byte(line, i % #line + 1) + string.byte(line, -1)) % MOD
end
print("fasta " .. #out .. " " .. total .. " " .. check .. " " .. last)
