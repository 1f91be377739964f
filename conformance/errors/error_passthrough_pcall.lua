-- the error object passes unchanged through nested pcalls
local obj = {}
local ok, e = pcall(function()
  local ok2, e2 = pcall(function() error(obj) end)
  print("inner", ok2, e2 == obj)
  error(e2)
end)
print("outer", ok, e == obj)
print(pcall(pcall, error, "x"))
print(pcall(pcall))
