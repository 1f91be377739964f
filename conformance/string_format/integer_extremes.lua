-- every integer conversion at the integer limits
local min, max = math.mininteger, math.maxinteger
print(string.format("%d %d", min, max))
print(string.format("%u %u", min, max))
print(string.format("%o %o", min, max))
print(string.format("%x %X", min, max))
print(string.format("%#x %#o", min, max))
print(string.format("[%+25d] [%-25d]", max, min))
print(string.format("[%025d] [%.25d]", min, max))
print(string.format("%c%c", max, min) == string.format("%c%c", 255, 0))
