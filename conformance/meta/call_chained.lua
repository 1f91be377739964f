-- __call whose value is itself a callable table
local outer
local inner = setmetatable({}, {__call = function(self, ...)
  local args = {...}
  return select("#", ...), args[1] == outer, args[2], args[3]
end})
outer = setmetatable({}, {__call = inner})
print(outer("a", "b"))
local obj = setmetatable({name = "obj"}, {__call = function(self, x) return self.name, x end})
local holder = {m = obj}
print(holder.m(5))
local name, first = holder:m()
print(name, first == holder)
