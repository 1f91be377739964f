-- debug.setmetatable wants nil or a table.
print(pcall(debug.setmetatable, 1, 2))
print(pcall(debug.setmetatable, 1))
print(pcall(debug.setmetatable, {}, "x"))
print(pcall(debug.setmetatable))
print(pcall(debug.getmetatable))
print(select('#', debug.setmetatable({}, nil)))
