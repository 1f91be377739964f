-- getinfo at a level: every default field of a Lua function.
local function sorted(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  for i = 2, #keys do
    local j = i
    while j > 1 and keys[j] < keys[j - 1] do keys[j], keys[j - 1] = keys[j - 1], keys[j]; j = j - 1 end
  end
  return keys
end
local function show(t)
  for _, k in ipairs(sorted(t)) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    print("", k, v)
  end
end
local function f(a, b, ...)
  show(debug.getinfo(1))
  return 1
end
f(1, 2, 3)
