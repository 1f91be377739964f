-- a continuation byte as starting position, from Lua code
print(utf8.offset("€", 1, 1))
print(utf8.offset("€", 1, 2))
