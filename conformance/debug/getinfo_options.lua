-- Each option adds only its own fields.
local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  for i = 2, #out do
    local j = i
    while j > 1 and out[j] < out[j - 1] do out[j], out[j - 1] = out[j - 1], out[j]; j = j - 1 end
  end
  local s = ""
  for i = 1, #out do s = s .. out[i] .. " " end
  return s
end
for _, opt in ipairs({"", "S", "l", "n", "u", "t", "r", "f", "L", "Sl", "nf", "SSS"}) do
  print(opt, keys(debug.getinfo(1, opt)))
end
print(keys(debug.getinfo(print, "L")))
print(keys(debug.getinfo(print, "n")))
