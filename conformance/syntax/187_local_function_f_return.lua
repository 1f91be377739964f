local function f()

return