-- The fourth argument becomes the chunk's _ENV.
local env = {x = 5}
local f = load("y = x + 1 return x", "c", "t", env)
print(f(), env.y, y)
print(pcall(load("return x", "c", "t", nil)))
print(pcall(load("return print", "=nilenv", "t", nil)))
local proxy = setmetatable({}, {__index = _G})
load("z = 1 print(type(print))", "p", "t", proxy)()
print(proxy.z, z)
-- No fourth argument: the globals.
print(load("return _ENV == _G")())
print(load("return _ENV", "e", "t", env)() == env)
print(load("return _ENV", "e", "t", 42)())
