local callback
local function fire() callback() end
fire()
