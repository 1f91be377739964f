-- a callable table used as a method receives self
local m = setmetatable({}, {__call = function(self, recv, x) return recv.name, x end})
local obj = {name = "receiver", act = m}
print(obj:act(7))
print(obj.act(obj, 8))
