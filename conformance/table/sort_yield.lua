-- a comparator cannot yield: the sort is a C call boundary
local co = coroutine.create(function()
  local t = {3, 2, 1}
  table.sort(t, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co))
