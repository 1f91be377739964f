-- table.sort reads and writes through __index/__newindex (same accesses as Lua)
local log = {}
local backing = {5, 3, 1, 4, 2}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "g" .. k return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "s" .. k .. "=" .. v backing[k] = v end,
  __len = function() return #backing end,
})
table.sort(p)
print(table.concat(log, " "))
print(table.concat(backing, ","))
log = {}
backing = {"d", "a", "c", "b", "f", "e", "h", "g"}
table.sort(p, function(a, b) return a > b end)
print(table.concat(log, " "))
print(table.concat(backing, ","))
