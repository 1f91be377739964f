-- file:write returns the file, so writes chain.
io.stdout:write("a"):write("b"):write("c", "\n")
io.output():write("through io.output\n")
local f = io.stdout:write("")
print(f == io.stdout, io.output() == io.stdout)
print(io.stderr:write("") == io.stderr)
io.stdout:write(1, 2.5, "\n")
