local s = "abc"
print(pcall(function() return s + 1 end))
print(pcall(function() return "abc" + 1 end))
print(pcall(function() local t = {k = "x"}; return t.k * 2 end))
print(pcall(function() return -s end))
return 1 + s
