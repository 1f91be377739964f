local r = string.gsub("a-b c-d", "%S+", function(word)
  return (string.gsub(word, "%a", function(c) return c:upper() .. c end))
end)
print(r)
local depth = 0
local function expand(s)
  depth = depth + 1
  return (s:gsub("%b{}", function(inner) return "<" .. expand(inner:sub(2, -2)) .. ">" end))
end
print(expand("x{y{z}w}v"), depth)
