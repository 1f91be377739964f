local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("abc", "%w", function() end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return false end return c .. c end))
print(string.gsub("a=1, b=2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", "()", function(p) return p end))
print(string.gsub("1 2 3", "%d", function(d) return d * 10 end))
print(string.gsub("x y", "%a", function(c, extra) return tostring(extra) end))
local calls = {}
string.gsub("abc", "(.)", function(...) calls[#calls + 1] = select("#", ...) end)
print(join(calls, ","))
