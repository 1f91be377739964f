-- an integer fmod by zero is an argument error
print(math.fmod(10, 3))
print(math.fmod(10, 0))
