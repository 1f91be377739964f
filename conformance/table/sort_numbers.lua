-- table.sort orders numbers with <, integers and floats mixed
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
local m = {3.5, 1, -2, 2^53, 0.5, -1e300, 1e300, 3, -0.5}
table.sort(m)
print(table.concat(m, " "))
local one = {42}
table.sort(one)
print(one[1])
local empty = {}
table.sort(empty)
print(#empty)
local two = {2, 1}
table.sort(two)
print(two[1], two[2])
local three = {3, 1, 2}
table.sort(three)
print(table.concat(three, " "))
local dup = {3, 1, 3, 1, 2, 2, 3, 1}
table.sort(dup)
print(table.concat(dup, " "))
local ints = {math.maxinteger, math.mininteger, 0, -1, 1}
table.sort(ints)
print(table.concat(ints, " "))
