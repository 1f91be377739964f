-- __lt/__le are tried for mixed operand types
local mt = {
  __lt = function(a, b) return type(a) == "number" end,
  __le = function(a, b) return type(b) == "number" end,
}
local o = setmetatable({}, mt)
print(o < 1, 1 < o)
print(o <= 1, 1 <= o)
print(o > 1, 1 > o)
print("s" < o, o >= "s")
