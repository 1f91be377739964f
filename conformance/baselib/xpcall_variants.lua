print(xpcall(function(...) return select("#", ...) end, print, 1, 2, 3))
print(xpcall(nil, function(e) return "handled " .. e end))
print(pcall(xpcall, function() error("x") end, nil))
print(xpcall(function() return "no error" end, nil))
