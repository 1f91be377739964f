-- io.write writes strings and numbers without separators and returns the file.
io.write("hello", " ", "world", "\n")
io.write(1, " ", 2, " ", 3, "\n")
io.write()
io.write("")
print(io.write("x\n") == io.stdout)
io.write("no newline at the end")
