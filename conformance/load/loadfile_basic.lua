-- loadfile compiles a file without running it.
local f = loadfile("load/_modules/values.lua")
print(type(f), f("a", "b"))
print(loadfile("load/_modules/does_not_exist.lua"))
print(loadfile("load/_modules/syntax_error.lua"))
print(loadfile("load/_modules/values.lua", "b"))
print(loadfile("load/_modules/values.lua", "t") ~= nil)
local env = {x = "ex", y = "why"}
print(loadfile("load/_modules/uses_env.lua", "t", env)())
print(pcall(loadfile("load/_modules/uses_env.lua", "bt", nil)))
print(pcall(loadfile, {}))
print(pcall(loadfile, "load/_modules/values.lua", {}))
