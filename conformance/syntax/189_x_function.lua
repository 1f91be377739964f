x = function()

