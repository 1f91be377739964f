-- 2^53 is where floats stop representing every integer
local big = 2^53
print(big)
print(big == 2^53 + 1)
print(math.type(big))
local i = 9007199254740992
print(i == big)
print(i + 1 == big)
print(i + 1 > big)
print(i + 1 == big + 1)
print(9007199254740993 < 2^53 + 1.0)
print(9007199254740993 > 2^53)
print(big + 1.0 == big)
