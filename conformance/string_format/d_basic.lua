-- %d and %i of integers, including the extremes
print(string.format("%d", 0))
print(string.format("%d", 42))
print(string.format("%d", -42))
print(string.format("%i", 7))
print(string.format("%d", math.maxinteger))
print(string.format("%d", math.mininteger))
print(string.format("%i|%i", -1, 1))
print(string.format("[%d] [%d] [%d]", 1, 22, 333))
