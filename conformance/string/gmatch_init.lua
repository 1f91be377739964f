local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local function all(s, p, init)
  local out = {}
  for m in string.gmatch(s, p, init) do out[#out + 1] = m end
  return join(out, ",")
end
print(all("one two three", "%a+", 1))
print(all("one two three", "%a+", 5))
print(all("one two three", "%a+", 6))
print(all("one two three", "%a+", -5))
print(all("one two three", "%a+", -100))
print(all("one two three", "%a+", 100))
print(all("abc", "()", 4))
print(all("abc", "()", 5))
print(all("abc", ".", 0))
