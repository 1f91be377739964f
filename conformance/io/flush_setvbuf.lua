-- flush and setvbuf.
print(io.flush(), io.stdout:flush(), io.stderr:flush())
print(io.stdout:setvbuf("no"), io.stdout:setvbuf("full", 1024), io.stdout:setvbuf("line"))
print(pcall(io.stdout.setvbuf, io.stdout, "bad"))
print(pcall(function() io.stdout:setvbuf("bad") end))
print(pcall(function() io.stdout:setvbuf() end))
print(pcall(function() io.stdout:setvbuf("no", "x") end))
print(pcall(io.flush, 1, 2))
