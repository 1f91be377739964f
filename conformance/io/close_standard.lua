-- The standard files cannot be closed.
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.close())
print(io.close(io.stdout))
print(pcall(io.close, {}))
io.write("still open\n")
