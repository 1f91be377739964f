-- rawlen and rawequal ignore metamethods
local mt = {__len = function() return 99 end, __eq = function() return true end}
local a = setmetatable({1, 2, 3}, mt)
local b = setmetatable({}, mt)
print(#a, rawlen(a))
print(rawlen("hello"), rawlen(""))
print(a == b, rawequal(a, b), rawequal(a, a))
print(rawequal(1, 1.0), rawequal("x", "x"), rawequal(nil, nil))
print(rawequal(1, "1"), rawequal(0, -0))
