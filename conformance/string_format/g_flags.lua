-- flags with %g; '#' keeps trailing zeros and the point
print(string.format("[%#g] [%#g] [%#g]", 1, 100000, 0.5))
print(string.format("[%#.3g] [%#.10g]", 1, 0.5))
print(string.format("[%#.0g] [%#.1g]", 5, 5))
print(string.format("[%#g] [%#G]", 1e-10, 1e20))
print(string.format("[%+g] [% g] [%+G]", 1, 1, -1e-9))
print(string.format("[%10g] [%-10g] [%010g]", 1.5, 1.5, -1.5))
print(string.format("[%#010.3g]", 2))
-- glibc keeps no decimals when rounding carries fixed form into exponent form
print(string.format("[%#g] [%#G]", 999999.5, 999999.5))
print(string.format("[%#.3g] [%#.2g] [%#.5G]", 999.5, 99.5, 99999.5))
print(string.format("[%#.3g] [%#g]", 99.95, 9999995))
print(string.format("[%#g] [%#.1g]", 0.00099999995, 9.5))
