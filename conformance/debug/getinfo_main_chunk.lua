-- The main chunk is 'main', defined at line 0, a vararg function with one upvalue.
local i = debug.getinfo(1, "Slnu")
print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline)
print(i.name, i.namewhat, i.nups, i.nparams, i.isvararg)
local function level2() return debug.getinfo(2, "S").what end
print(level2())
print(debug.getinfo(2, "S").what)
print(debug.getinfo(3))
