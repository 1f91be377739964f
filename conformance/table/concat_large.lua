-- concat of many pieces
local t = {}
for i = 1, 1000 do t[i] = i end
local s = table.concat(t, ",")
print(#s)
print(table.concat(t, ",", 995))
local words = {}
for i = 1, 100 do words[i] = "w" .. i end
print(#table.concat(words), #table.concat(words, ", "))
print(table.concat(words, "", 98, 100))
