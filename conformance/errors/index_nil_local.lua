local x
print(pcall(function() local y = nil; return y.z end))
return x.field
