-- Errors of the write method: the file must be a file, self is not counted in a method call.
print(pcall(function() io.stdout:write({}) end))
print(pcall(function() io.stdout:write("a", nil) end))
print(pcall(function() io.stdout.write(io.stdout, {}) end))
print(pcall(function() io.stdout.write("x") end))
print(pcall(function() io.stdout.write() end))
print(pcall(function() io.stdout.write({}) end))
local methods = getmetatable(io.stdout).__index
local fake = {write = methods.write, read = methods.read}
print(pcall(function() fake:write("x") end))
print(pcall(function() fake:read() end))
print(pcall(io.stdout.write, "x"))
print()
