-- a specification of 21 or more flag, digit and point bytes is too long
print(pcall(string.format, "%------------------------d", 1))
print(pcall(string.format, "%--------------------d", 1))
print(pcall(string.format, "%-------------------d", 1))
print(pcall(string.format, "%0000000000000000000005d", 1))
print(pcall(string.format, "%..................5d", 1))
print(pcall(string.format, "%--------------------", 1))
