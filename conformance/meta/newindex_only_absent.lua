-- __index and __newindex are only consulted for absent keys
local hits = 0
local t = setmetatable({k = false}, {
  __index = function() hits = hits + 1 return "meta" end,
  __newindex = function() hits = hits + 1 end,
})
print(t.k, hits)
t.k = 1
print(t.k, hits)
t.k = nil
print(t.k, hits)
t.k = 2
print(rawget(t, "k"), hits)
