-- table.sort with a comparator function
local t = {5, 2, 8, 1, 9, 3}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {
  {name = "ann", age = 31}, {name = "bob", age = 25}, {name = "cid", age = 40},
  {name = "dee", age = 25}, {name = "eve", age = 19},
}
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
for _, p in ipairs(people) do print(p.name, p.age) end
local words = {"bb", "a", "ccc", "dddd", "ee"}
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local calls = 0
local n = {4, 3, 2, 1}
table.sort(n, function(a, b) calls = calls + 1 return a < b end)
print(table.concat(n, " "), calls > 0)
table.sort(n, nil)
print(table.concat(n, " "))
local truthy = {3, 1, 2}
table.sort(truthy, function(a, b) if a < b then return 1 else return nil end end)
print(table.concat(truthy, " "))
