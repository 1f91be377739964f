local t = {}
print(pcall(function() return t.a.b end))
print(pcall(function() t.a.b = 1 end))
t.x.y.z = 1
