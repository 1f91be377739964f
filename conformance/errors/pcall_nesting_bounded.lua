-- pcall and xpcall nest as C calls do in lua5.4: about 200 levels, then
-- "C stack overflow" (raised by pcall itself, without a position).
local depth = 0
local function p(n)
  depth = n
  return pcall(p, n + 1)
end
local results = { p(1) }
print(results[#results], results[#results - 1], depth > 150 and depth <= 200)

local function q(n)
  depth = n
  local ok, e = pcall(q, n + 1)
  if not ok then error(e, 0) end
  return ok
end
print(pcall(q, 1))

local function x(n)
  depth = n
  return xpcall(x, function(m) return "handled: " .. m end, n + 1)
end
results = { x(1) }
print(results[#results], depth > 150 and depth <= 200)

-- The state is fine afterwards: deep Lua recursion is still only a stack overflow away.
local function r(n) if n == 0 then return 0 end return 1 + r(n - 1) end
print(r(10000))
print(pcall(p, 1) ~= nil)
