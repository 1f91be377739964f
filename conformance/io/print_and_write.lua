-- print and io.write share standard output, in order.
io.write("a")
print("b")
io.write("c", "\n")
print(1, 2)
io.write(3, "\t", 4, "\n")
io.stdout:write("d")
print("e")
