-- table.remove shifts down through __index/__newindex
local log = {}
local backing = {1, 2, 3, 4}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) backing[k] = v end,
  __len = function() return #backing end,
})
print(table.remove(p, 2))
print(table.concat(log, " "))
log = {}
print(table.remove(p))
print(table.concat(log, " "))
print(table.concat(backing, ","))
