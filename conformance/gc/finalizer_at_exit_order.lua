-- all pending finalizers run at exit
A = setmetatable({}, {__gc = function() print("gc A") end})
B = setmetatable({}, {__gc = function() print("gc B") end})
local c = setmetatable({}, {__gc = function() print("gc c") end})
print("script done")
