local t = {}
print(pcall(function() t[nil] = 1 end))
print(t[nil])
print(pcall(rawset, t, nil, 1))
print(pcall(function() return {[nil] = 1} end))
t[nil] = 1
