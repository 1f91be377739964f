-- print separates arguments with tabs and ends with a newline
print(1, 2, 3)
print("a", nil, false, true)
print()
print("")
print(nil)
print(1.5, -2, "x y")
print("embedded\0zero")
