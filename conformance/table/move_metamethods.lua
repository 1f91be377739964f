-- table.move reads with __index and writes with __newindex, in Lua's order
local log = {}
local function proxy(t)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "g" .. k return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "s" .. k .. "=" .. tostring(v) t[k] = v end,
  })
end
local p = proxy({1, 2, 3, 4, 5})
table.move(p, 1, 3, 2)
print(table.concat(log, " "))
log = {}
table.move(p, 2, 4, 1)
print(table.concat(log, " "))
log = {}
table.move(p, 2, 4, 2)
print(table.concat(log, " "))
log = {}
local dest = proxy({})
table.move({"x", "y"}, 1, 2, 1, dest)
print(table.concat(log, " "))
-- two different tables that are equal by __eq move as if they were one
log = {}
local eq = {__eq = function() return true end}
local src = setmetatable({}, {__eq = eq.__eq, __index = function(_, k) log[#log + 1] = "g" .. k return k end})
local dst = setmetatable({}, {__eq = eq.__eq, __newindex = function(_, k, v) log[#log + 1] = "s" .. k end})
table.move(src, 1, 3, 2, dst)
print(table.concat(log, " "))
