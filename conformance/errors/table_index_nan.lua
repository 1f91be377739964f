local t = {}
print(pcall(function() t[0/0] = 1 end))
print(t[0/0])
print(pcall(rawset, t, 0/0, 1))
t[0/0] = 1
