-- luacheck (Debian lua-check): lint Lua source strings with the library API.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local luacheck = require("luacheck")
print(luacheck._VERSION)

local sources = {
  [[
local unused = 1
local x = 2
print(y)
function global_fn() return x end
local function f(a, b) return a end
for i = 1, 10 do end
local t = {}
t.field = t.field
x = nil
  ]],
  [[
local a <const> = 1
local s = "x"
s = s .. "y"
goto done
print("unreachable")
::done::
if s then elseif s then end
while true do break; print(1) end
local mt = setmetatable({}, {__index = function(_, k) return k end})
return mt.anything, string.fmt
  ]],
  "local x = = 1",
  "return function(...) local a, b = ... return select('#', ...) , ... end",
}
local report = luacheck.check_strings(sources, {std = "lua54", max_line_length = 40})
print(report.warnings, report.errors, report.fatals)
for i, file_report in ipairs(report) do
  print("file " .. i .. ": " .. #file_report .. " issues" .. (file_report.fatal and " (" .. file_report.fatal .. ")" or ""))
  for _, event in ipairs(file_report) do
    print(string.format("  %d:%d-%d [%s] %s", event.line, event.column, event.end_column,
      event.code, luacheck.get_message(event)))
  end
end
