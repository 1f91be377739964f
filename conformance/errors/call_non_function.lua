local t = {n = 1}
print(pcall(function() t.n() end))
print(pcall(function() local s = "str"; s() end))
print(pcall(function() t() end))
print(pcall(function() (true)() end))
