-- producer/consumer with a filter
local function producer()
  return coroutine.create(function()
    for _, v in ipairs({"a", "b", "c"}) do coroutine.yield(v) end
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local n = 1
    while true do
      local _, x = coroutine.resume(prod)
      if x == nil then break end
      coroutine.yield(n .. ":" .. x)
      n = n + 1
    end
  end)
end
local f = filter(producer())
while true do
  local _, line = coroutine.resume(f)
  if not line then break end
  print(line)
end
