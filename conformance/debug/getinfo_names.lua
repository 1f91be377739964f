-- 'n': how the calling instruction names the function.
local function who()
  local i = debug.getinfo(2, "n")
  return tostring(i.namewhat) .. ":" .. tostring(i.name)
end
local function report() print(who()) end
local t = {f = report, g = {h = report}}
t.f(); t.g.h(); t["f"]()
local k = "f"; t[k]()
t[1] = report; t[1]()
gl = report; gl()
local up = report
local function viaup() up() end
viaup()
local obj = {m = report}; obj:m()
report()
local function tail() return report() end
tail()
print(pcall(report))
