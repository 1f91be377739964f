local function handler(m) return "handled: " .. m end
print(xpcall(function() error("bad") end, handler))
print(xpcall(function() error("bad", 0) end, handler))
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
print(xpcall(function() local x = nil; return x.y end, handler))
