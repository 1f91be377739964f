-- flags and width with %a: zero padding goes after 0x
print(string.format("[%#a] [%#.0a] [%#A]", 1, 1.5, 3))
print(string.format("[%+a] [% a] [%+a]", 1, 1, -1))
print(string.format("[%010a] [%-10a] [%10a]", 1, 1, 1))
print(string.format("[%+012.2A] [%012a]", 1.5, -0.5))
print(string.format("[%020a]", 0.1))
print(string.format("[%-+20.3a]", 100))
