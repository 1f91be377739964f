-- pairs(nil) succeeds; next then fails inside the loop
print(select("#", pairs(nil)))
print(pcall(function() for k in pairs(nil) do end end))
for k, v in pairs(false) do end
