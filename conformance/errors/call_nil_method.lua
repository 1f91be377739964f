local obj = {}
print(pcall(function() obj:m() end))
print(pcall(function() obj.f() end))
obj:missing()
