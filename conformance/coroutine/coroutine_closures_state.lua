-- locals of a suspended coroutine survive between resumes
local co = coroutine.wrap(function()
  local acc = 0
  while true do
    local v = coroutine.yield(acc)
    acc = acc + v
  end
end)
co()
print(co(5), co(10), co(-3))
