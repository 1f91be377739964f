-- an uncaught argument error of string.format
local count = 2
print(string.format("%d and %d", count))
