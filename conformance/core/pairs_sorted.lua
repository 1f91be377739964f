-- pairs visits every key exactly once (printed in sorted order)
local function sort(a)
  for i = 2, #a do
    local v, j = a[i], i - 1
    while j >= 1 and a[j] > v do a[j + 1] = a[j]; j = j - 1 end
    a[j + 1] = v
  end
  return a
end
local t = {"one", "two", "three", x = 1, y = 2, z = 3, [10] = 10}
local ks = {}
local nums = {}
for k, v in pairs(t) do
  if type(k) == "string" then ks[#ks + 1] = k else nums[#nums + 1] = k end
end
sort(ks); sort(nums)
for _, k in ipairs(ks) do print(k, t[k]) end
for _, k in ipairs(nums) do print(k, t[k]) end
