-- float-to-integer borders of floor and ceil
print(math.floor(2^63 - 1024), math.floor(2^63), math.floor(-2^63), math.floor(-2^63 - 2048))
print(math.ceil(2^63 - 1024), math.ceil(2^63), math.ceil(-2^63), math.ceil(-2^63 - 2048))
print(math.floor(-0.5), math.ceil(0.5), math.floor(1 - 2^-53), math.ceil(2^-1074))
print(math.floor(4503599627370495.5), math.ceil(4503599627370495.5))
print(math.floor(-4503599627370495.5), math.ceil(-4503599627370495.5))
print(math.floor(0/0) ~= math.floor(0/0), math.ceil(0/0) ~= math.ceil(0/0))
