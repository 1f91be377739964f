-- setupvalue changes the variable every closure sharing it sees.
local count = 0
local function inc() count = count + 1; return count end
local function get() return count end
print(debug.setupvalue(inc, 1, 10), count)
print(inc(), get())
print(debug.setupvalue(inc, 2, 1))
print(select('#', debug.setupvalue(inc, 2, 1)))
local function make()
  local v = "closed"
  return function() return v end
end
local c = make()
print(debug.setupvalue(c, 1, "changed"), c())
