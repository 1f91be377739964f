lib = {}
print(pcall(function() lib.run() end))
print(pcall(function() lib.sub.run() end))
lib.run()
