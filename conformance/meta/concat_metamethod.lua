-- __concat with strings and numbers on either side
local mt = {__concat = function(a, b)
  local function s(x) return type(x) == "table" and ("<" .. x.v .. ">") or tostring(x) end
  return s(a) .. "+" .. s(b)
end}
local o = setmetatable({v = "o"}, mt)
print(o .. "str")
print("str" .. o)
print(1 .. o, o .. 2.5)
print(o .. o)
print("a" .. "b" .. o)
print(o .. "a" .. "b")
print(pcall(function() return o .. true end))
