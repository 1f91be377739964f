local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local out = {}
for m in string.gmatch("abc", "x*") do out[#out + 1] = "[" .. m .. "]" end
print(join(out, ""))
out = {}
for p in string.gmatch("abc", "()") do out[#out + 1] = p end
print(join(out, ","))
out = {}
for m in string.gmatch("a,b,,c", "([^,]*)") do out[#out + 1] = "<" .. m .. ">" end
print(join(out, ""))
out = {}
for m in string.gmatch("aaa", "a-") do out[#out + 1] = "<" .. m .. ">" end
print(join(out, ""))
