-- coroutine.close on a coroutine that failed with pending closes
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closing with", e) end})
  error("boom", 0)
end)
print(coroutine.resume(co))
print(coroutine.close(co))
