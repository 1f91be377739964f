-- and/or return one of their operands and short-circuit
print(nil and 1, false and 1, 0 and 1, "" and "x")
print(nil or 1, false or nil, 0 or 1, nil or false)
print(1 and 2 or 3, nil and 2 or 3, false or nil and 1)
print(not nil, not false, not 0, not "")
local calls = 0
local function f() calls = calls + 1 return true end
local _ = false and f()
local _ = true or f()
print(calls)
local _ = true and f()
local _ = false or f()
print(calls)
local x = nil
print(x and x.field or "default")
