local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local function sort(list)
  for i = 2, #list do
    local j, v = i, list[i]
    while j > 1 and list[j - 1] > v do list[j] = list[j - 1] j = j - 1 end
    list[j] = v
  end
end
local names = {}
for k, v in pairs(string) do
  if type(v) == "function" and k ~= "format" and k ~= "pack" and k ~= "unpack"
      and k ~= "packsize" and k ~= "dump" then
    names[#names + 1] = k
  end
end
sort(names)
print(join(names, " "))
print(type(string), type(string.find))
