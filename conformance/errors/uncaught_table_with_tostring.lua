local e = setmetatable({}, {__tostring = function() return "custom error object" end})
error(e)
