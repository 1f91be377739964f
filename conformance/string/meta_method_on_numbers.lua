print(pcall(function() local n = 5 return n:rep(2) end))
local s = "10"
print(s + 5, s * 2, s:rep(2) + 1)
print(("%d"):len(), ("x"):rep(3):upper():reverse())
