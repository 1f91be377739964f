-- Level 0 is the debug function itself, level 1 its caller.
local i = debug.getinfo(0, "nSl")
print(i.what, i.name, i.namewhat, i.currentline, i.short_src)
print(debug.getinfo(1, "l").currentline)
local function wrapper() return debug.getinfo(0, "n").name, debug.getinfo(1, "n").name end
print(wrapper())
print(pcall(debug.getinfo, 0, "n") == true)
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
