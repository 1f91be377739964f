-- flags and widths with %e
print(string.format("[%+e] [% e]", 1.5, 1.5))
print(string.format("[%#.0e] [%.0e]", 2, 2))
print(string.format("[%15.3e] [%-15.3e]", 1234.5, 1234.5))
print(string.format("[%015.3e] [%+015.3e]", -1234.5, 1234.5))
print(string.format("[%-+12.2E]", 0.000123))
print(string.format("[% 012.2e]", 42))
print(string.format("[%.99e]", 1/3))
