print(pcall(function() for i = nil, 10 do end end))
print(pcall(function() for i = {}, 10 do end end))
for i = "x", 2 do end
