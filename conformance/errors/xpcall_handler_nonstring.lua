local function handler(e) return type(e), e == nil and "nil" or (type(e) == "table" and e.tag or e) end
print(xpcall(function() error({tag = "T"}) end, handler))
print(xpcall(function() error() end, handler))
print(xpcall(function() error(12) end, handler))
print(xpcall(function() error(false) end, function(e) return e end))
