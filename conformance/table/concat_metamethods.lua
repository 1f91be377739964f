-- table.concat reads through __index and takes its length from __len
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k return "v" .. k end,
  __len = function() return 4 end,
})
print(table.concat(proxy, ","))
print(table.concat(log, " "))
print(table.concat(proxy, ",", 3))
local partial = setmetatable({"x"}, {__index = {nil, "y", "z"}})
print(table.concat(partial, "+", 1, 3))
print(pcall(table.concat, setmetatable({}, {__len = function() return "2" end, __index = function() return 7 end})))
print(pcall(table.concat, setmetatable({}, {__len = function() return 1.5 end})))
print(pcall(table.concat, setmetatable({}, {__len = function() return {} end})))
print(pcall(table.concat, setmetatable({}, {__len = function() error("len failed") end})))
