-- an invalid value ends the script with a positioned error
local t = {"a", "b", false}
print(table.concat(t, ",", 1, 2))
print(table.concat(t, ","))
