-- table.move copies a range within a table or into another one
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(table.concat(t, ","))
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
print(table.concat(t, ","))
t = {1, 2, 3, 4, 5}
table.move(t, 2, 4, 2)
print(table.concat(t, ","))
local dest = {"a", "b", "c"}
local r = table.move({7, 8, 9}, 1, 3, 2, dest)
print(r == dest, table.concat(dest, ","))
local same = {1, 2, 3}
print(table.move(same, 1, 0, 5) == same, #same)
print(table.move(same, 2, 1, 1) == same)
local neg = table.move({1, 2, 3}, 1, 3, -1, {})
print(neg[-1], neg[0], neg[1], neg[2])
local z = table.move({[-2] = "a", [-1] = "b", [0] = "c"}, -2, 0, 1, {})
print(table.concat(z, ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, nil), ","))
print(table.concat(table.move({1, 2, 3}, "1", 2.0, 2), ","))
