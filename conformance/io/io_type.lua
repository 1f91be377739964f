-- io.type tells file objects from other values.
print(io.type(io.stdout), io.type(io.stdin), io.type(io.stderr))
print(io.type(42), io.type({}), io.type(nil), io.type("file"))
print(pcall(io.type))
print(io.type(io.output()), io.type(io.input()))
