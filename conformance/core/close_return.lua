-- __close runs on return, after the return values are computed
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
local function f()
  local a <close> = closer("a")
  local b <close> = closer("b")
  return "result", (function() print("computing") return 2 end)()
end
print(f())
