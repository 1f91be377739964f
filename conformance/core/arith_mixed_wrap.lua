-- float arithmetic does not wrap, integer arithmetic does
print(math.maxinteger + 1.0)
print(math.maxinteger + 1)
print(math.maxinteger * 2.0)
print(math.mininteger - 1.0)
print(math.mininteger // -1.0)
print(math.mininteger % -1.0)
