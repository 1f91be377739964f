local n = 5
print(pcall(function() return n.x end))
print(pcall(function() local b = true; return b[1] end))
print(pcall(function() local t = {f = 1}; return t.f.g end))
