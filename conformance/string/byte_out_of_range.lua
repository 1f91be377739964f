local s = "xyz"
print(select("#", s:byte(4)))
print(select("#", s:byte(10, 20)))
print(s:byte(0))
print(s:byte(0, 2))
print(s:byte(2, 100))
print(s:byte(math.mininteger, math.maxinteger))
print(select("#", s:byte(math.maxinteger)))
