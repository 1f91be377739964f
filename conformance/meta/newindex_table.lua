-- __newindex as a table redirects new keys
local store = {}
local t = setmetatable({existing = 1}, {__newindex = store})
t.x = 10
t.existing = 2
print(rawget(t, "x"), store.x, t.existing, store.existing)
rawset(t, "y", 5)
print(t.y, store.y)
