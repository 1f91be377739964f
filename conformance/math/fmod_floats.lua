-- math.fmod with floats: signs, infinities, NaN
print(math.fmod(5.5, 2), math.fmod(-5.5, 2), math.fmod(5.5, -2), math.fmod(-5.5, -2))
print(math.fmod(0.0, 1), math.fmod(-0.0, 1), math.fmod(1, -0.0) ~= math.fmod(1, -0.0))
print(math.fmod(math.huge, 1) ~= math.fmod(math.huge, 1), math.fmod(5, math.huge), math.fmod(-5, -math.huge))
print(math.fmod(1e300, 3), math.fmod(2^53, 10), math.fmod(0.3, 0.1))
print(math.fmod(7, 7.0), math.fmod(-7, 7.0), math.fmod(math.mininteger, 2.0))
