-- integer multiplication wraps modulo 2^64
print(math.maxinteger * 2)
print(math.mininteger * -1)
print(math.mininteger * 2)
print(0x100000000 * 0x100000000)
print(0x7fffffff * 0x7fffffff)
print(3037000500 * 3037000500)
print(math.maxinteger * math.maxinteger)
