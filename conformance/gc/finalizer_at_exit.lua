-- reachable objects are finalized when the state closes, after the script
local keep = setmetatable({}, {__gc = function() print("finalized at exit") end})
print("end of script")
