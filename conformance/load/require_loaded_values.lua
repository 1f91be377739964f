-- What ends up in package.loaded: the result, true for nil, or what the module stored.
package.path = "load/_modules/?.lua"
loaded_side_effect = nil
print(require("returns_nil"), package.loaded.returns_nil, loaded_side_effect)
print(require("returns_nil"), loaded_side_effect)
print(require("sets_loaded"))
print(require("returns_false"))
print(package.loaded.returns_false)
print(require("returns_false"))
package.loaded.fake = "already there"
print(require("fake"))
package.loaded.falsy = false
package.preload.falsy = function() return "reloaded" end
print(require("falsy"))
