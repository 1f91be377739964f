-- indexing the result of a call has no name
local function f() return nil end
print(pcall(function() return f().x end))
print(pcall(function() return ({})[1][2] end))
