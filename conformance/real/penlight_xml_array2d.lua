-- Penlight: pl.xml (parse, build, query, serialize) and pl.array2d.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local xml = require("pl.xml")
local array2d = require("pl.array2d")

local doc = xml.parse([[
<library name="city" open="yes">
  <!-- a comment -->
  <book id="1" lang="en"><title>Dune</title><year>1965</year></book>
  <book id="2" lang="fr"><title>L&apos;Étranger</title><year>1942</year></book>
  <magazine id="3"><title>Lua &amp; You</title></magazine>
  <empty/>
</library>]], false, true)
print(doc.tag, doc.attr.name, doc.attr.open, #doc)
for _, child in ipairs(doc) do
  if type(child) == "table" then
    print(child.tag, child.attr.id, child.attr.lang, child:child_with_name("title") and child:child_with_name("title"):get_text())
  end
end
for book in doc:childtags() do io.write(book.tag, " ") end
print()
local titles = {}
for _, t in ipairs(doc:get_elements_with_name("title")) do titles[#titles + 1] = t:get_text() end
print(table.concat(titles, " | "))
local matched = doc:match([[<library name="$name"><book id="$id"><title>$title</title></book></library>]])
print(matched and matched.name, matched and matched.id, matched and matched.title)

local built = xml.new("root", {version = "1"})
built:addtag("item", {k = "a"}):text("first"):up()
built:addtag("item", {k = "b"}):text("second & <more>"):up()
built:addtag("leaf"):up()
print(xml.tostring(built))
print(xml.tostring(built, "", "  "))
local e = xml.elem("p", {"Hello ", xml.elem("b", "world"), "!"})
print(xml.tostring(e))
local div, span = xml.tags("div, span")
print(xml.tostring(div({span("inside"), "text"})))
print(pcall(xml.parse, "<a><b>unclosed</a>", false, true))
print(xml.is_tag(doc), xml.is_tag("text"))

local A = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
local function show(m)
  local rows = {}
  for i, row in ipairs(m) do rows[i] = table.concat(row, " ") end
  return table.concat(rows, " / ")
end
print(show(array2d.map(function(x) return x * 10 end, A)))
print(show(array2d.transpose and array2d.transpose(A) or A))
print(array2d.size(A), table.concat(array2d.column(A, 2), ","), show(array2d.slice(A, 1, 2, 2, 3)))
print(array2d.reduce_rows("+", A)[3], array2d.reduce_cols("*", A)[1], array2d.reduce2("+", "*", A))
print(show(array2d.new(2, 3, 0)), show(array2d.new(2, 2, function(i, j) return i * 10 + j end)))
print(show(array2d.product("..", {1, 2}, {"a", "b"})))
print(show(array2d.flatten and {array2d.flatten(A)} or A))
print(array2d.range(A, "B2:C3") and show(array2d.range(A, "B2:C3")))
local B = array2d.new(3, 3, 0)
array2d.set(B, 1, 1, 5)
array2d.move(B, 2, 2, A, 1, 1, 2, 2)
print(show(B))
local found = {}
for i, j, v in array2d.iter(A, true) do if v % 4 == 0 then found[#found + 1] = i .. "," .. j end end
print(table.concat(found, " "))
print(pcall(array2d.column, nil, 1))
