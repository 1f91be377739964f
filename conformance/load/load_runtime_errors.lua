-- Runtime errors in loaded chunks carry the chunk's name and line.
print(pcall(load("error('boom')")))
print(pcall(load("local a = 1\nerror('boom')")))
print(pcall(load("error('boom')", "=E")))
print(pcall(load("error('boom')", "@some/file.lua")))
print(pcall(load("local t = nil\nreturn t.x", "=idx")))
print(pcall(load("return undefined_global()", "=call")))
print(pcall(load("error('no position', 0)")))
print(pcall(load("error('level 2', 2)", "=lvl")))
