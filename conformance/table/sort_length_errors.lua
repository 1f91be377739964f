-- table.sort takes its size from __len, which must be a sensible integer
local function with_len(n) return setmetatable({}, {__len = function() return n end}) end
print(pcall(table.sort, with_len(2^31)))
print(pcall(table.sort, with_len(2^31 - 1)))
print(pcall(table.sort, with_len(math.maxinteger)))
print(pcall(table.sort, with_len(1.5)))
print(pcall(table.sort, with_len("x")))
print(pcall(table.sort, with_len("3")))
print(pcall(table.sort, with_len(-5)))
print(pcall(table.sort, with_len(1)))
print(pcall(table.sort, with_len(nil)))
