-- basexx (Debian lua-basexx): base2/16/32/36/64/85 and crockford encodings.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local basexx = require("basexx")

local inputs = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\0\1\2\255", "Hello, World!"}
for _, s in ipairs(inputs) do
  local b64 = basexx.to_base64(s)
  local b32 = basexx.to_base32(s)
  local hex = basexx.to_hex(s)
  print(string.format("%q", s), b64, b32, hex, basexx.to_url64(s), basexx.to_crockford(s))
  assert(basexx.from_base64(b64) == s and basexx.from_base32(b32) == s and basexx.from_hex(hex) == s)
  assert(basexx.from_url64(basexx.to_url64(s)) == s and basexx.from_crockford(basexx.to_crockford(s)) == s)
end
print(basexx.to_bit("AB"), basexx.from_bit("0100000101000010"), basexx.from_bit("oioooooi", "o", "i"))
print(basexx.to_z85("\134\79\210\111\181\89\247\91"), basexx.from_z85("HelloWorld") == "\134\79\210\111\181\89\247\91")
print(basexx.from_base64("Zm9v\nYmFy"), basexx.from_hex("48 65 6C 6c 6F", " "), basexx.from_base32("MZXW6==="))
print(basexx.from_hex("zz"), basexx.from_base64("@@@@"), basexx.from_z85("abc"))
print(basexx.to_base64(string.rep("\255", 10)), basexx.from_crockford("CSQPY") , basexx.to_crockford("\1"))
