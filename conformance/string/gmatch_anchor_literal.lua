local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local out = {}
for m in string.gmatch("^a^a a", "^a") do out[#out + 1] = m end
print(#out, join(out, " "))
out = {}
for m in string.gmatch("abab", "ab$") do out[#out + 1] = m end
print(#out, join(out, " "))
