-- A block of ordinary Lua 5.4 code, repeated to build large inputs for parse benchmarks
-- (crates/parser/benches/parse.rs and benches/parse_speed.sh, which wrap each copy in
-- `_ = function(...) … end`). It is parsed, never run.
local Account = {}
Account.__index = Account

function Account.new(owner, balance)
  local self = setmetatable({}, Account)
  self.owner = owner
  self.balance = balance or 0
  self.history = {}
  return self
end

function Account:deposit(amount)
  if type(amount) ~= "number" or amount <= 0 then
    error("invalid amount: " .. tostring(amount), 2)
  end
  self.balance = self.balance + amount
  self.history[#self.history + 1] = { kind = "deposit", amount = amount }
end

function Account:withdraw(amount)
  if amount > self.balance then
    return nil, string.format("insufficient funds: %d < %d", self.balance, amount)
  end
  self.balance = self.balance - amount
  table.insert(self.history, { kind = "withdraw", amount = amount })
  return true
end

local function encode(value, indent, seen)
  indent = indent or ""
  seen = seen or {}
  local t = type(value)
  if t == "table" then
    if seen[value] then error("cycle") end
    seen[value] = true
    local parts, n = {}, 0
    for k, v in pairs(value) do
      n = n + 1
      parts[n] = indent .. "  " .. string.format("%q", tostring(k)) .. ": " .. encode(v, indent .. "  ", seen)
    end
    table.sort(parts)
    seen[value] = nil
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  elseif t == "string" then
    return '"' .. value:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
  elseif t == "number" and math.type(value) == "integer" then
    return tostring(value)
  end
  return tostring(value)
end

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local bits = 0
for i = 1, 64 do
  bits = bits | (1 << (i % 63)) ~ (i & 0xff) >> 1
  local q, r = i // 7, i % 7
  bits = bits + q * r - (-i) ^ 2 // 3
end

local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do
  words[#words + 1] = w:upper()
end

local co = coroutine.wrap(function(...)
  local args = table.pack(...)
  for i = 1, args.n do coroutine.yield(args[i] * 2) end
  return select("#", ...)
end)

do
  local x <const> = 42
  local i = 0
  repeat
    i = i + 1
    if i % 2 == 0 then goto continue end
    words[i] = x
    ::continue::
  until i >= 10
end

local config = {
  name = "moonlet", version = 5.4, enabled = true, limits = { 1, 2, 3, [10] = "ten" },
  [[long string with "quotes" and
newlines]], ["key with spaces"] = 0x1F, nested = { a = { b = { c = {} } } },
}

while bits > 0 and not config.enabled do bits = bits >> 1 end
local result = encode(config) .. (fib(10) == 55 and "ok" or "bad") .. #words
return result, co, Account
