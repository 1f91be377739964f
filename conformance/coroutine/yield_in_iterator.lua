-- yield inside a generic for iterator function
local co = coroutine.wrap(function()
  local function it(_, i)
    if i < 3 then coroutine.yield("step " .. i) return i + 1 end
  end
  local sum = 0
  for i in it, nil, 0 do sum = sum + i end
  return "sum " .. sum
end)
print(co()); print(co()); print(co()); print(co())
