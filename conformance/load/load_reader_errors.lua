-- Errors inside the reader come back as load's failure.
print(pcall(load, function() return {} end))
print(pcall(load, function() return true end))
print(pcall(load, function() error("inside the reader") end))
print(type(select(3, pcall(load, function() error({}) end))))
print(select("#", load(function() error() end)))
local done = false
print(type(select(2, pcall(load, function() if done then return nil end done = true return "return 1" end))))
