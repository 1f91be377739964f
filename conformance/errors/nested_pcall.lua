local function level(n)
  if n == 0 then error("bottom", 0) end
  local ok, e = pcall(level, n - 1)
  error(e .. "<" .. n, 0)
end
print(pcall(level, 3))
local ok, e = pcall(function()
  local ok2 = pcall(error)
  return ok2
end)
print(ok, e)
