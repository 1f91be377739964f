-- dkjson: malformed documents and values it cannot encode.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.1/?.lua"
package.cpath = ""
local json = require("dkjson")
local docs = {
  '{"a": 1,}', '[1, 2', '{"a" 1}', '"unterminated', '[1 2]', 'tru', '{"a": [}',
  '  ', '[1e5, -0, 0.5e-3, 1E+2]', '"\\u00e9\\u20ac\\ud83d\\ude00"', '"\\x"', '{"k": "v"} trailing',
  '[[[[[[[[[[]]]]]]]]]]', '/* comment */ [1]', '{"dup": 1, "dup": 2}',
}
for _, d in ipairs(docs) do
  local v, pos, err = json.decode(d)
  if type(v) == "table" then v = json.encode(v) end
  print(string.format("%q -> %s %s %s", d, tostring(v), tostring(pos), tostring(err)))
end
print(pcall(json.encode, {f = print}))
print(pcall(json.encode, {[{}] = 1}))
local t = {} t.self = t
print(pcall(json.encode, t))
print(json.encode({math.huge, -math.huge, 0/0}))
print(json.encode({f = function() end}, {exception = json.encodeexception}))
local q = json.quotestring("line1\nline2\u{2028}")
print(q)
print(json.encode(setmetatable({}, {__tojson = function(self, state) return '"custom"' end})))
