-- with #t == maxinteger the next slot wraps to mininteger, as in Lua
local log = {}
local p = setmetatable({}, {
  __len = function() return math.maxinteger end,
  __index = function(_, k) log[#log + 1] = "g" .. k return k end,
  __newindex = function(_, k, v) log[#log + 1] = "s" .. k .. "=" .. tostring(v) end,
})
table.insert(p, "v")
print(table.concat(log, " "))
log = {}
table.insert(p, math.maxinteger, "w")
print(table.concat(log, " "))
log = {}
print(pcall(table.insert, p, 0, "x"))
print(table.remove(p, math.maxinteger))
print(table.concat(log, " "))
