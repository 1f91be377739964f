-- table.insert moves elements with __index/__newindex and uses __len
local log = {}
local function proxy(t)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get" .. k return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) t[k] = v end,
    __len = function() return #t end,
  })
end
local backing = {10, 20, 30}
local p = proxy(backing)
table.insert(p, 2, 15)
print(table.concat(log, " "))
log = {}
table.insert(p, 40)
print(table.concat(log, " "))
print(table.concat(backing, ","))
