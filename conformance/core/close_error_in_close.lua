-- an error in __close replaces the original error
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("a got", e) error("from a", 0) end})
  local b <close> = setmetatable({}, {__close = function(_, e) print("b got", e) error("from b", 0) end})
  error("original", 0)
end))
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("got", e) error("close failed", 0) end})
  return 1
end))
