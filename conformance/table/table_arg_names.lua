-- argument errors name the function as called from Lua code
print(pcall(function() table.concat({}, {}) end))
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() table.remove({}, 7) end))
print(pcall(function() table.move({}, 1, 2) end))
print(pcall(function() table.sort({2, 1}, true) end))
print(pcall(function() table.unpack({}, "x") end))
print(pcall(function() table.insert({}, 1, 2, 3) end))
print(pcall(function() table.sort({{}, {}}) end))
