-- getinfo of a function value: what is known without a call.
local function f(a, b)
  return a + b
end
local function v(...) return ... end
local i = debug.getinfo(f)
print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined)
print(i.currentline, i.name, i.namewhat, i.nups, i.nparams, i.isvararg, i.istailcall)
print(i.func == f, i.ftransfer, i.ntransfer)
local j = debug.getinfo(v, "u")
print(j.nups, j.nparams, j.isvararg, j.what)
local k = debug.getinfo(function() return i, j end, "Su")
print(k.what, k.linedefined, k.lastlinedefined, k.nups)
