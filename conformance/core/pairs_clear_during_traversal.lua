-- assigning nil to existing fields during traversal is allowed
local t = {}
for i = 1, 20 do t[i] = i; t["k" .. i] = i end
local count = 0
for k in pairs(t) do
  t[k] = nil
  count = count + 1
end
print(count, next(t))
