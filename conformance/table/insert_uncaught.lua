-- position errors from table.insert called by Lua code name 'insert'
local t = {1, 2, 3}
table.insert(t, 2, 9)
print(table.concat(t, ","))
table.insert(t, 10, 1)
