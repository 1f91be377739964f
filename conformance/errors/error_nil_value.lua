print(pcall(error))
print(pcall(error, nil))
print(pcall(function() error() end))
print(select("#", pcall(error)))
