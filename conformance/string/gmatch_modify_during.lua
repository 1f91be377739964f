local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local s = "a b c"
local out = {}
for w in s:gmatch("%a") do
  s = "changed"
  out[#out + 1] = w
end
print(join(out, ","), s)
local it = ("k1=v1;k2=v2"):gmatch("(%w+)=(%w+)")
local k, v = it()
print(k, v)
collectgarbage()
k, v = it()
print(k, v)
print(it())
