local t = {}
print(pcall(function() return t.x + 1 end))
print(pcall(function() return 1 - t.y end))
print(pcall(function() return missing_global * 2 end))
return t.count + 1
