-- an uncaught error from string.pack carries the caller's position
print(#string.pack("i4", 1))
local packed = string.pack("i17", 1)
