-- dofile runs a file and returns its results (no arguments are passed).
print(dofile("load/_modules/values.lua"))
print(select("#", dofile("load/_modules/values.lua")))
count = nil
dofile("load/_modules/counter.lua")
dofile("load/_modules/counter.lua")
print(count)
print(pcall(dofile, "load/_modules/does_not_exist.lua"))
print(pcall(dofile, "load/_modules/syntax_error.lua"))
print(pcall(dofile, "load/_modules/runtime_error.lua"))
print(pcall(dofile, "load/_modules/line_error.lua"))
print(pcall(dofile, {}))
