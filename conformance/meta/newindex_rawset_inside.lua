-- a proxy table that tracks accesses
local function track(t)
  local proxy = {}
  local log = {}
  setmetatable(proxy, {
    __index = function(_, k) log[#log + 1] = "get " .. k return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set " .. k t[k] = v end,
    __len = function() return #t end,
  })
  return proxy, log
end
local p, log = track({1, 2})
p.x = 1
local _ = p.x
local _ = p[1]
p[3] = 3
print(#p)
for i = 1, #log do print(log[i]) end
