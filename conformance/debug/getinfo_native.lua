-- Native functions: what is C, no lines, no source.
local i = debug.getinfo(print)
print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline)
print(i.nups, i.nparams, i.isvararg, i.name, i.namewhat, i.func == print)
local c = debug.getinfo(0)
print(c.what, c.name, c.namewhat, c.currentline, c.func == debug.getinfo)
local w = coroutine.wrap(function() end)
print(debug.getinfo(w, "u").nups, debug.getinfo(w, "S").what)
print(debug.getinfo(print, "L").activelines)
