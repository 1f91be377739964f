-- inspect.lua (Debian lua-inspect): human-readable dumps of nested tables.
package.path = "/usr/share/lua/5.3/?.lua;/usr/share/lua/5.1/?.lua"
package.cpath = ""
local inspect = require("inspect")
print(inspect._VERSION)

print(inspect({1, 2, 3}))
print(inspect({a = 1, b = 2, [1] = "one", [3.5] = "float", [true] = "bool"}))
print(inspect({"x", {y = {z = {1, {2, {3}}}}}, "w"}))
print(inspect("a string with \"quotes\" and \n newline \0 and \127"))
print(inspect(42), inspect(-0.5), inspect(math.huge), inspect(nil), inspect(true))
print(inspect({1, 2, nil, 4}))
print(inspect({b = 1, a = 2, c = {e = 5, d = 4}, [10] = 10, [2] = 2}))
print(inspect({["key with spaces"] = 1, ["end"] = 2, _ok = 3, ["9x"] = 4}))

-- depth limit, newline and indent options
local deep = {l1 = {l2 = {l3 = {l4 = "bottom"}}}}
print(inspect(deep, {depth = 2}))
print(inspect(deep, {newline = " ", indent = ""}))
print(inspect({1, {2}}, {indent = "\t"}))

-- metatables are shown, repeated references get ids
local mt = {__tostring = function() return "T" end, __name = "Thing"}
print(inspect(setmetatable({v = 1}, mt)))
local shared = {s = true}
print(inspect({first = shared, second = shared}))
local cyc = {name = "cycle"}
cyc.me = cyc
print(inspect(cyc))

-- process: drop metatables and rename values
local function drop_mt(item, path)
  if path[#path] ~= inspect.METATABLE then return item end
end
print(inspect(setmetatable({a = {b = 1}}, {x = 1}), {process = drop_mt}))
print(inspect({password = "secret", user = "bob"}, {process = function(item, path)
  if path[#path] == "password" then return "***" end
  return item
end}))
