-- an uncaught format error carries the caller's position
print(string.format("%d items", 3))
print(string.format("%y", 1))
