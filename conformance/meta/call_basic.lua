-- __call makes tables callable
local t = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(t(1, 2))
print(t())
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter(); counter()
print(counter())
print(pcall(t, "x"))
