-- select with the extreme integers: an index out of range, never a crash.
print(pcall(select, math.mininteger, 1))
print(pcall(select, math.mininteger))
print(pcall(select, math.maxinteger, 1, 2))
print(pcall(select, -math.maxinteger, 1, 2))
print(select(-2, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(select(math.maxinteger))
