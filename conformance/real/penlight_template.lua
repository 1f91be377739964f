-- Penlight: pl.template renders text with embedded Lua ($(expr) and # lines); it
-- runs the compiled template with xpcall(f, debug.traceback).
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local template = require("pl.template")

local text = [[
Hello $(name)!
# for i, item in ipairs(items) do
  $(i). $(item.label) costs $(string.format("%.2f", item.price))
# end
# if #items == 0 then
  (nothing)
# end
Total: $(total)]]
local env = {name = "Ana", items = {{label = "tea", price = 2.5}, {label = "cake", price = 3}}, total = 5.5, ipairs = ipairs, string = string}
print(template.substitute(text, env))
env.items = {}
print(template.substitute(text, env))
local compiled = template.compile("<$(x)|#(y)>", {inline_escape = "#", escape = "@"})
print(compiled:render({x = 1, y = 2}))
print(template.substitute("no code here"))
local out, err = template.substitute("$(undefined_global.field)", {})
print(out, (err:match("^[^\n]*")))
