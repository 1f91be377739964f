-- Penlight: pl.lexer tokenizes Lua and C source, with and without filters.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local lexer = require("pl.lexer")

local lua_src = [==[
local x = 10 -- a comment
function f(a, ...) return a .. "str\n" .. 'q' .. [[long
string]] end
if x >= 1e3 and y ~= 0x1F then z = x // 2 end
t = {1, 2.5, -3, .5}
]==]
local out = {}
for t, v in lexer.lua(lua_src) do out[#out + 1] = t .. ":" .. v end
print(table.concat(out, " "))
out = {}
for t, v in lexer.lua(lua_src, {}, {}) do out[#out + 1] = t .. (t == "space" and "" or ":" .. v) end
print(table.concat(out, " "))

local c_src = [[
#include <stdio.h>
/* block comment */
int main(int argc, char **argv) {
  printf("%d args\n", argc); // line comment
  return argc > 1 ? 0 : 'x';
}
]]
out = {}
for t, v in lexer.cpp(c_src) do out[#out + 1] = t .. ":" .. v end
print(table.concat(out, " "))

local tok = lexer.lua("alpha = beta + 42")
print(tok())
print(lexer.lineno(tok))
print(tok())
print(tok())
local list = lexer.get_separated_list(lexer.lua("a, (b + 1), c) rest"))
for i, part in ipairs(list) do
  local toks = {}
  for _, tv in ipairs(part) do toks[#toks + 1] = tv[2] end
  print(i, table.concat(toks, " "))
end
local s = lexer.scan("x = y", nil, nil, nil)
for t, v in s do io.write("[", t, " ", v, "]") end
print()
for t, v in lexer.scan("one 'two' 3", {{"^%a+", function(tok) return "word", tok end}}) do io.write(t, "=", v, ";") end
print()
local ok, err = pcall(function() for t, v in lexer.lua("x = 'unterminated") do io.write(t, " ") end end)
print()
print(ok, err)
print(lexer.get_keywords()["while"], lexer.get_keywords()["goto"], lexer.get_keywords()["moonlet"])
