-- Penlight: pl.data (delimited data, queries), pl.stringio, pl.sip (scanf-like patterns),
-- pl.config (ini/config text) and pl.text templates.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local data = require("pl.data")
local stringio = require("pl.stringio")
local sip = require("pl.sip")
local config = require("pl.config")
local text = require("pl.text")

local csv = [[
name,age,score
alice,30,88.5
bob,25,92
carol,35,79.25
dave,28,92
]]
local d = data.read(stringio.open(csv), {csv = true})
print(table.concat(d.fieldnames, "|"), #d, d[1][1], d[2][2], math.type(d[2][2]), d[3][3])
local names = d:column_by_name("name")
print(table.concat(names, ","))
for _, query in ipairs({"name,score", "name where age > 26", "name,age sort by age", "* where score > 90",
    "name, score where score > 85 sort by score desc", "name where $score > 90"}) do
  local it, err = d:select(query)
  io.write(query, " => ", tostring(err and err:gsub("\n.*", "")), ": ")
  if it then for a, b in it do io.write(tostring(a), " ", tostring(b), "; ") end end
  print()
end
local out = stringio.create()
d:write(out)
print(out:value())
local tab = data.read(stringio.open("x y z\n1 2 3\n4 5 6\n"))
print(table.concat(tab.fieldnames, ","), tab[2][3], #tab)
local nums = data.read(stringio.open("1 2\n3 4\n"), {fieldnames = {"a", "b"}})
print(nums[1][1] + nums[2][2])

local f = stringio.open("line one\nline two\n42 3.5 rest\n")
print(f:read("*l"), f:read("*L"), f:read("*n", "*n"), f:read(3), f:read("*a"), f:read("*l"))
local w = stringio.create()
w:write("a", 1, "b", 2.5)
w:writef("%s=%d;", "k", 7)
print(w:value(), #w:value())

local res = {}
print(sip.match("$v = $d", "answer = 42", res), res[1], res[2])
res = {}
print(sip.match("($i,$i)", "(10,-20)", res), res[1], res[2])
res = {}
print(sip.match("$<name>v: $<value>f $<unit>v", "speed: 12.5 kmh", res), res.name, res.value, res.unit)
local pat = sip.compile("[$S] $d")
res = {}
print(pat("[warn] 3", res), res[1], res[2])
res = {}
print(sip.match("$v=$v", "bad input", res))
print(sip.match_at_start("$d", "123 and more", res), res[1])

local conf = config.read(stringio.open([[
# comment
name = test run
count = 5
ratio = 0.25
[section]
enabled = true
list = a, b, c
]]), {list_delim = ","})
print(conf.name, conf.count, math.type(conf.count), conf.ratio, conf.section.enabled, type(conf.section.list))
print(table.concat(conf.section.list, "|"))
local odd = config.read(stringio.open("just a line without equals\nk=v\n"))
for k, v in pairs(odd) do print("odd", k, v) end

local T = text.Template("Dear ${title} $name, you owe ${amount} dollars.")
print(T:substitute({title = "Dr.", name = "Who", amount = 42}))
print(T:safe_substitute({name = "Nobody"}))
print(pcall(T.substitute, T, {name = "x"}))
print(text.indent("a\nb\n", 2), text.dedent("    x\n    y\n"))
print(text.wrap("the quick brown fox jumps over the lazy dog", 15)[2])
text.format_operator()
print("%s is %d" % {"x", 3}, "%5.1f|" % 2.25, "$x and $y" % {x = 1, y = "two"})
