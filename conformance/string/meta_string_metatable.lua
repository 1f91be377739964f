local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
print(("abc"):upper(), ("%d"):rep(2), (""):len())
local s = "hello"
print(s:sub(2, 3), s:byte(), s:find("l"), s:match("l+"))
print(type(string.gmatch), s.len == string.len)
print(s.nonexistent)
print(pcall(function() return s:nonexistent() end))
