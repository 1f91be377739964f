-- Penlight: pl.tablex table algorithms and pl.List methods.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local tablex = require("pl.tablex")
local List = require("pl.List")

local function show(t) return "{" .. table.concat(t, ",") .. "}" end
local function showmap(t)
  local parts = {}
  for k, v in tablex.sort(t) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
  return "{" .. table.concat(parts, ",") .. "}"
end

print(show(tablex.map(function(x) return x * x end, {1, 2, 3, 4})))
print(show(tablex.filter({1, 2, 3, 4, 5, 6}, function(x) return x % 2 == 0 end)))
print(tablex.reduce("+", {1, 2, 3, 4, 5}), tablex.reduce("..", {"a", "b", "c"}))
print(show(tablex.range(1, 10, 3)), show(tablex.range(5, 1, -2)), show(tablex.range(0, 1, 0.25)))
print(tablex.find({"a", "b", "c", "b"}, "b"), tablex.rfind({"a", "b", "c", "b"}, "b"), tablex.find({}, 1))
print(tablex.deepcompare({a = {1, 2}, b = "x"}, {b = "x", a = {1, 2}}), tablex.deepcompare({1}, {2}))
print(tablex.compare({1, 2, 3}, {1, 2, 3}, "=="), tablex.compare_no_order({3, 1, 2}, {1, 2, 3}))
print(showmap(tablex.count_map({"x", "y", "x", "z", "x"})))
print(showmap(tablex.index_map({"p", "q", "r"})), showmap(tablex.makeset({"u", "v"})))
print(show(tablex.keys({10, 20, 30})), show(tablex.values({10, 20, 30})))
print(showmap(tablex.union({a = 1, b = 2}, {b = 3, c = 4})), showmap(tablex.intersection({a = 1, b = 2}, {b = 3, c = 4})))
print(showmap(tablex.difference({a = 1, b = 2, c = 3}, {b = true})), showmap(tablex.merge({a = 1}, {b = 2}, true)))
print(show(tablex.zip({1, 2, 3}, {"a", "b", "c"})[2]), show(tablex.sub({1, 2, 3, 4, 5}, 2, -2)))
print(show(tablex.insertvalues({1, 2, 5}, 3, {3, 4})), show(tablex.removevalues({1, 2, 3, 4, 5}, 2, 3)))
print(tablex.size({a = 1, b = 2, 3}), tablex.minmax and tablex.minmax() or "", #tablex.readonly({1, 2}))
print(show(tablex.imap2(function(a, b) return a .. b end, {"x", "y"}, {"1", "2"})))
print(showmap(tablex.pairmap(function(k, v) return v, k end, {a = "A", b = "B"})))
for k, v in tablex.sortv({z = 1, y = 3, x = 2}) do io.write(k, "=", v, " ") end
print()
for k, v in tablex.sort({c = 1, a = 2, b = 3}, function(x, y) return x > y end) do io.write(k, v, " ") end
print()
print(pcall(function() local r = tablex.readonly({1}); r[1] = 2 end))
print(pcall(tablex.map, nil, {1}))

local l = List({5, 3, 8, 1})
l:append(9):extend({2, 7})
print(l, l:len(), l:index(8), l:contains(4))
print(l:clone():sort(), l:sorted(function(a, b) return a > b end), l:reverse())
print(l:slice(2, 4), l:pop(), l:pop(1), l)
print(l:map(function(x) return x * 10 end), l:filter(function(x) return x > 3 end), l:reduce("+"))
print(List.range(1, 5):concat("-"), List({"a", "b"}) .. List({"c"}), List.split("x y z"))
print(List({1, 2, 3}) == List({1, 2, 3}), List({1, 2}):join(" + "), List({3, 1, 2}):minmax())
print(List({1, 2, 3, 4, 5, 6}):partition(function(x) return x % 3 end)[0])
print(List({{1, "a"}, {2, "b"}}):transform(function(p) return p[2] end))
print(List({1, 2, 3}):chop(1, 2), List({"a", "b", "c"}):insert(2, "X"), List({1, 2, 1}):count(1))
