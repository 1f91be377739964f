-- Penlight (Debian lua-penlight): pl.pretty writes and reads Lua table literals.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local pretty = require("pl.pretty")

local data = {
  1, 2, "three", {4, 5},
  name = "moonlet", ratio = 0.25, big = 2^53, neg = -17, flag = false,
  ["with space"] = "x", nested = {deeper = {deepest = {"end"}}},
}
print(pretty.write(data))
print(pretty.write(data, ""))
print(pretty.write({}, ""), pretty.write("str"), pretty.write(12), pretty.write({"a\nb", "q\"uote"}, ""))
print(pretty.write({x = {y = {z = 1}}}, "  ", true))

local back = pretty.read(pretty.write(data))
print(back.name, back.ratio, back.big, back.neg, back.flag, back["with space"], back[4][2], back.nested.deeper.deepest[1])
print(pretty.read("{1,2,3,a='b',[10]=true}")[10])
print(pretty.read("{ x = os.exit() }"))
print(pretty.read("{ f = function() end }"))
print(pretty.load("x = 1; y = {2, 3}", nil, false).y[2])

local cyc = {a = 1}
cyc.self = cyc
print(pretty.write(cyc, ""))

print(pretty.number(123456), pretty.number(123456, "M"), pretty.number(1234567890, "N"), pretty.number(3000, "T"))
for _, v in ipairs({0, 999, 1024, 1536, 1048576, 5e9}) do
  print(v, pretty.number(v, "M"), pretty.number(v, "N", 1))
end
