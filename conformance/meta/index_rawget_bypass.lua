-- rawget/rawset bypass __index/__newindex
local log = {}
local t = setmetatable({}, {
  __index = function(_, k) return "meta:" .. k end,
  __newindex = function(_, k) log[#log + 1] = k end,
})
t.a = 1
rawset(t, "b", 2)
print(t.a, t.b, rawget(t, "a"), rawget(t, "b"))
print(#log, log[1])
print(rawget(t, "zzz"))
