-- Numbers are written as %d and %.14g: floats lose their ".0".
io.write(1.0, " ", -0.0, " ", 0.1, " ", 1/3, " ", 100.0, "\n")
io.write(1e100, " ", 2^53, " ", 2^63, " ", -2^63, " ", 1e15, " ", 1e16, "\n")
io.write(math.maxinteger, " ", math.mininteger, " ", 0, " ", -1, "\n")
io.write(math.huge, " ", -math.huge, " ", 123456789012345.0, "\n")
io.write(3.14159265358979, " ", 1e-5, " ", 0.0001, " ", 5e-324, "\n")
print(1.0, 2^53)
