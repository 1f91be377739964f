-- The debug library's functions (debug.debug, interactive, is not provided by moonlet).
local names = {}
for k, v in pairs(debug) do
  if k ~= "debug" then names[#names + 1] = k .. ":" .. type(v) end
end
for i = 2, #names do
  local j = i
  while j > 1 and names[j] < names[j - 1] do names[j], names[j - 1] = names[j - 1], names[j]; j = j - 1 end
end
for i = 1, #names do print(names[i]) end
