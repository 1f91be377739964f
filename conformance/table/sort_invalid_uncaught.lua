-- an invalid order function ends the script with a positioned error
local t = {1, 2, 3, 4, 5, 6}
table.sort(t, function(a, b) return true end)
print("not reached")
