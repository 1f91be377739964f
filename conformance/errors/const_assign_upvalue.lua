local limit <const> = 1
local function f() limit = 2 end
