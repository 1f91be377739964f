-- the table, math and utf8 libraries hold exactly Lua 5.4's fields
for _, name in ipairs({"table", "math", "utf8"}) do
  local keys = {}
  for k, v in pairs(_G[name]) do keys[#keys + 1] = k .. ":" .. type(v) end
  table.sort(keys)
  print(name, table.concat(keys, " "))
end
print(unpack)
