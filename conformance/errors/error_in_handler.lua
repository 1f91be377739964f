-- an error inside the message handler
print(xpcall(function() error("first") end, function(m) error("second") end))
print(xpcall(function() error("first") end, function(m) local x = nil; return x.y end))
