-- table.insert appends or inserts at a position, shifting up
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
print(#t, table.concat(t, ","))
table.insert(t, 3, nil)
print(#t, t[3], t[4])
local u = {1, 2, 3}
table.insert(u, 4.0, 4)
print(table.concat(u, ","))
table.insert(u, "1", 0)
print(table.concat(u, ","))
print(select("#", table.insert(u, 9)))
