-- xpcall returns what the handler returns as the error value
print(xpcall(error, function(e) return 1, 2, 3 end, "e"))
print(xpcall(error, function(e) end, "e"))
