-- subnormal numbers in %a: leading digit 0, exponent -1022
print(string.format("%a", 2^-1074))
print(string.format("%a", 2^-1030))
print(string.format("%a", 2^-1022 - 2^-1074))
print(string.format("%.0a %.1a %.2a", 2^-1074, 2^-1073 * 3, 2^-1030))
print(string.format("%.0a", 2^-1022 - 2^-1074))
print(string.format("%A", -2^-1060))
