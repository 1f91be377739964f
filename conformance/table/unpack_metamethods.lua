-- table.unpack uses __len for its default end and __index for each value
local log = {}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k return k * 10 end,
  __len = function() return 3 end,
})
print(table.unpack(p))
print(table.unpack(p, 2, 5))
print(table.concat(log, " "))
local inherit = setmetatable({1}, {__index = {nil, 2, 3}})
print(table.unpack(inherit, 1, 3))
print(pcall(table.unpack, setmetatable({}, {__len = function() return "x" end})))
print(table.unpack(setmetatable({}, {__len = function() return 2.0 end, __index = function(_, k) return -k end})))
