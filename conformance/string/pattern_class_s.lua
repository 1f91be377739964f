local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local members, count, negated = {}, 0, 0
for i = 0, 255 do
  local ch = string.char(i)
  if ch:find("^%s$") then
    count = count + 1
    if i >= 32 and i < 127 then members[#members + 1] = ch else members[#members + 1] = "\\" .. i end
  end
  if ch:find("^%S$") then negated = negated + 1 end
end
print(count, negated, count + negated)
print(join(members, ""))
print(("x%sy"):find("[%s]"), ("x%sy"):find("[%S]"))
