-- dkjson (Debian lua-dkjson): encode nested data with sorted keys, decode it back.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local json = require("dkjson")
print(json.version)

local data = {
  name = "moonlet", version = 5.4, ints = {1, 2, 3, -7, 2^53}, floats = {0.1, 1e300, -2.5, 1/3},
  nested = {a = {b = {c = {"deep", true, false}}}, empty = {}},
  text = "quote \" backslash \\ tab \t newline \n bell \7 unicode é 😀",
  flag = true, nothing = json.null,
}
local keyorder = {"name", "version", "ints", "floats", "nested", "text", "flag", "nothing", "a", "empty"}
local s = json.encode(data, {keyorder = keyorder})
print(s)
print(json.encode(data, {indent = true, keyorder = keyorder}))

local back, pos, err = json.decode(s)
print(pos, err)
print(back.name, back.version, math.type(back.version), back.ints[5], math.type(back.ints[5]))
print(back.text == data.text, back.nested.a.b.c[1], back.nested.a.b.c[3], back.nothing)
for i, v in ipairs(back.floats) do print(i, v, v == data.floats[i]) end
print(json.encode(back, {keyorder = keyorder}) == s)

-- null handling and array detection
local obj = json.decode('{"x": null, "arr": [1, null, 3]}', 1, json.null)
print(obj.x == json.null, #obj.arr, obj.arr[2] == json.null)
print(json.encode({1, 2, nil, 4}))
print(json.encode({[1] = "a", [2] = "b", [10] = "j"}))
print(json.encode(setmetatable({}, {__jsontype = "array"})), json.encode(setmetatable({}, {__jsontype = "object"})))
print(json.encode("\0\1\31\127"), json.encode(-0.0), json.encode(1e-7), json.encode(123456789012))
