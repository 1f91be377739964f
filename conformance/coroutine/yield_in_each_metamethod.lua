-- every metamethod the interpreter calls for an instruction can yield, and the
-- instruction completes with the value the coroutine is resumed with
local y = coroutine.yield
local mt = {
  __index = function(_, k) return y("index " .. k) end,
  __newindex = function(t, k, v) y("newindex " .. k); rawset(t, k, v) end,
  __add = function() return y("add") end,
  __sub = function() return y("sub") end,
  __mul = function() return y("mul") end,
  __div = function() return y("div") end,
  __mod = function() return y("mod") end,
  __idiv = function() return y("idiv") end,
  __pow = function() return y("pow") end,
  __unm = function() return y("unm") end,
  __band = function() return y("band") end,
  __shl = function() return y("shl") end,
  __bnot = function() return y("bnot") end,
  __len = function() return y("len") end,
  __eq = function() return y("eq") end,
  __lt = function() return y("lt") end,
  __le = function() return y("le") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = a.x
  a.z = 5
  r[#r + 1] = rawget(a, "z")
  r[#r + 1] = a + b
  r[#r + 1] = a - 1
  r[#r + 1] = 2 * a
  r[#r + 1] = a / b
  r[#r + 1] = a % 3
  r[#r + 1] = a // b
  r[#r + 1] = a ^ 2
  r[#r + 1] = -a
  r[#r + 1] = a & 1
  r[#r + 1] = a << 1
  r[#r + 1] = ~a
  r[#r + 1] = #a
  r[#r + 1] = tostring(a == b)
  r[#r + 1] = tostring(a < b)
  r[#r + 1] = tostring(a <= b)
  r[#r + 1] = tostring(a > 1)
  r[#r + 1] = tostring(1 >= a)
  if a < b then r[#r + 1] = "then" else r[#r + 1] = "else" end
  local s = a:method()
  return table.concat(r, " ") .. " / " .. tostring(s)
end)
local step, value = 0, co()
while true do
  step = step + 1
  io.write(tostring(value), "; ")
  local reply
  if value == "eq" or value == "lt" or value == "le" then
    reply = step % 2 == 0
  elseif type(value) == "string" and value:sub(1, 5) == "index" then
    reply = value == "index method" and function(self) return "m" end or "X"
  else
    reply = step
  end
  value = co(reply)
  if type(value) == "string" and value:find(" / ") then break end
end
print()
print(value)
