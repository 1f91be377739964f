-- random() gives floats, random(m, n) integers
math.randomseed(5)
print(math.type(math.random()), math.type(math.random(10)), math.type(math.random(1, 10)), math.type(math.random(0)))
print(math.random(3.0), math.random(2.0, 4.0), math.random("5"))
