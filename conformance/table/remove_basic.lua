-- table.remove removes the last element or one at a position
local t = {"a", "b", "c", "d", "e"}
print(table.remove(t), #t)
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, 2), #t, table.concat(t, ","))
print(table.remove(t, #t + 1), #t)
print(table.remove(t), table.remove(t), table.remove(t), #t)
print(select("#", table.remove({})))
print(table.remove({}, 0), table.remove({}, 1))
local z = {[0] = "zero"}
print(table.remove(z), z[0])
local z2 = {[0] = "zero"}
print(table.remove(z2, 0), z2[0])
local n = {1, 2, 3}
print(table.remove(n, "2"), table.concat(n, ","))
print(table.remove(n, 2.0), table.concat(n, ","))
