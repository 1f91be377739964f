-- CGILua (Debian lua-cgi): Lua Pages templates compiled with load and an env, URL
-- query encoding and decoding, table serialization.
package.path = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local lp = require("cgilua.lp")
local urlcode = require("cgilua.urlcode")
local serialize = require("cgilua.serialize").serialize

local template = [[
<h1><%= title %></h1>
<ul>
<% for i, item in ipairs(items) do %>  <li class="<%= i % 2 == 0 and "even" or "odd" %>"><%= item %></li>
<% end %></ul>
<!--$$ if user then $$--><p>Welcome, $|user.name|$!</p><!--$$ else $$--><p>Guest</p><!--$$ end $$-->
<?lua emit("direct") ?> <?php echo "left alone" ?>
<%= string.format("%5.2f", total) %> total; <%= #items %> items]]
print(lp.translate("a<%= x %>b<% y() %>c"))
lp.setoutfunc("emit")
local buffer = {}
local env = {
  emit = function(s) buffer[#buffer + 1] = s end,
  ipairs = ipairs, string = string,
  title = "Shopping & <stuff>", items = {"apples", "bread", "cheese"}, total = 12.5,
  user = {name = "Ana"},
}
local f = lp.compile(template, "shopping", env)
f()
print(table.concat(buffer))
buffer = {}
env.user = nil
env.items = {}
f()
print(table.concat(buffer))
print(pcall(lp.compile, "<% if then %>", "broken", env))
buffer = {}
lp.setcompatmode(false)
lp.compile("$|kept|$ <%= 1 + 1 %>", "nocompat", env)()
print(table.concat(buffer))

print(urlcode.escape("a b+c&d=é/~"), urlcode.unescape("a+b%2Bc%26d%3D%C3%A9"))
local args = {}
urlcode.parsequery("x=1&y=two+words&x=3&z=%25", args)
local keys = {}
for k in pairs(args) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do
  local v = args[k]
  print(k, type(v) == "table" and table.concat(v, ",") or v)
end
print(urlcode.encodetable({only = "one value"}))

local out = {}
serialize({1, "two", {nested = true, list = {3, 4}}, name = "x\ny"}, function(s) out[#out + 1] = s end)
local text = table.concat(out)
print(text)
out = {}
serialize({a = 1, b = 2, c = 3, d = {4, 5, 6, 7, 8, 9}, e = 5.5, f = "six", [true] = false}, function(s) out[#out + 1] = s end, "  ")
print(table.concat(out))
local back = load("return " .. text)()
print(back[1], back[2], back[3].nested, back[3].list[2], back.name)
