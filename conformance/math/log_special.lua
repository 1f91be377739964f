-- math.log special values
print(math.log(0, 2), math.log(0, 10), math.log(-1, 2) ~= math.log(-1, 2), math.log(math.huge, 2))
print(math.log(2, 0), math.log(2, 1), math.log(1, 0), math.log(0.5, 0.5), math.log(4, 0.5))
print(math.log(2^1023, 2), math.log(2^-1074, 2), math.log(1e-300, 10), math.log(10^22, 10))
print(math.log(8, 2.0), math.log(100, 10.0), math.log(9, -3) ~= math.log(9, -3))
print(math.log(math.exp(1)), math.log(10), math.log(2, math.exp(1)))
