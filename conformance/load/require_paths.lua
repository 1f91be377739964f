-- Templates are tried in order; dots in the name become directory separators.
package.path = "load/_modules/?.lua;load/_modules/?/init.lua"
print(require("pkg"))
local sub, file = require("sub.mod")
print(sub.path, file)
print(require("sub.mod") == sub)
package.path = "nowhere/?.lua;;load/_modules/?.lua"
print(select(2, require("returns_false")))
