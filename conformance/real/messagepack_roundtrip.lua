-- lua-MessagePack (Debian lua-messagepack): pack values to bytes and back.
package.path = "/usr/share/lua/5.3/?.lua"
package.cpath = ""
local mp = require("MessagePack")
print(mp._VERSION)

local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local values = {
  0, 1, 127, 128, 255, 256, 65535, 65536, 2^32, -1, -32, -33, -128, -129, -32768, -32769,
  math.maxinteger, math.mininteger, 0.5, -2.25, 1e300, 3.14159, true, false, "",
  "short", string.rep("x", 40), string.rep("y", 300), {}, {1, 2, 3}, {"a", {"b", {"c"}}},
}
for _, v in ipairs(values) do
  local packed = mp.pack(v)
  local back = mp.unpack(packed)
  local same = back == v or (type(v) == "table" and mp.pack(back) == packed)
  print(type(v) == "string" and #v or type(v) == "table" and "table" or tostring(v), #packed, hex(packed):sub(1, 40), same)
end

-- maps: encode with one key so the byte order is fixed
print(hex(mp.pack({key = "value"})))
local m = mp.unpack(mp.pack({alpha = 1, beta = {2, 3}}))
print(m.alpha, m.beta[1], m.beta[2])

-- options
mp.set_number("float")
print(hex(mp.pack(1.5)), hex(mp.pack(42)))
mp.set_number("double")
print(hex(mp.pack(1.5)))
mp.set_integer("signed")
print(hex(mp.pack(200)))
mp.set_integer("unsigned")
mp.set_string("binary")
print(hex(mp.pack("bin")))
mp.set_string("string")
mp.set_array("with_hole")
print(hex(mp.pack({1, nil, 3})))
mp.set_array("always_as_map")
print(hex(mp.pack({7})))
mp.set_array("without_hole")

-- several values in one stream, and errors
local stream = mp.pack(1) .. mp.pack("two") .. mp.pack({3})
for _, v in mp.unpacker(stream) do io.write(type(v) == "table" and "{" .. v[1] .. "}" or tostring(v), " ") end
print()
print(pcall(mp.unpack, "\xc1"))
print(pcall(mp.unpack, mp.pack("abc"):sub(1, 2)))
print(pcall(mp.unpack, mp.pack(1) .. mp.pack(2)))
print(pcall(mp.pack, print))
print(mp.unpack(mp.pack(mp.null or false)))
