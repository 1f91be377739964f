-- Returns from Lua functions to Lua callers: every result count against every wanted
-- count, and the cases that need more than moving results (open upvalues, to-be-closed
-- variables, a protected call ending, a caller whose registers a native call cut off).
local function none() end
local function one(x) return x end
local function two(x, y) return x, y end
local function three() return 1, 2, 3 end
local function pass(...) return ... end

local a, b, c = none()
print(a, b, c)
a, b, c = one(7)
print(a, b, c)
a = two(1, 2)
print(a)
a, b, c = two(1, 2)
print(a, b, c)
print(three())
print(one(three()))
print(pass(three()))
print((three()))
print(select("#", none()), select("#", one()), select("#", pass(nil, nil)))
local t = { three(), three() }
print(#t, t[1], t[4])

-- deep recursion returning through many frames
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function sum(n, acc) if n == 0 then return acc end return sum(n - 1, acc + n) end
print(sum(100000, 0))

-- a closure capturing a local of the returning function: the upvalue is closed
local function counter()
  local n = 0
  local f = function() n = n + 1; return n end
  return f
end
local f1, f2 = counter(), counter()
print(f1(), f1(), f2())

-- to-be-closed variables closed on return
local function closing()
  local x <close> = setmetatable({}, { __close = function() print("closed") end })
  return "after"
end
print(closing())

-- a protected call that ends with the returning function
print(pcall(two, 3, 4))
print(pcall(none))
print(select("#", pcall(pass, 1, nil, nil)))

-- a native call (here string.rep) cuts the stack back: the caller's registers must be
-- there again when a small function called from a big one returns
local function big(n)
  local r1, r2, r3, r4, r5, r6, r7, r8, r9, r10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local s = one(string.rep("x", n))
  local r = one(r10)
  return #s + r1 + r2 + r3 + r4 + r5 + r6 + r7 + r8 + r9 + r
end
print(big(3))

-- metamethods run as frames: their one result completes the instruction
local mt = { __add = function(x, y) return x.v + y end, __index = function(_, k) return k .. "!" end }
local obj = setmetatable({ v = 40 }, mt)
print(obj + 2, obj.key)

-- returns inside coroutines
local co = coroutine.wrap(function(x)
  local y = coroutine.yield(one(x) + 1)
  return two(y, y * 2)
end)
print(co(1))
print(co(5))
