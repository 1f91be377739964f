-- package.preload is searched first; its loader gets the name and ":preload:".
package.preload.pre = function(...) print("loading", ...) return "P" end
print(require("pre"))
print(require("pre"))
package.preload["with.dots"] = function(name) return {name = name} end
print(require("with.dots").name)
package.preload.nothing = function() end
print(require("nothing"), package.loaded.nothing)
package.preload.simple = function() return "preload wins" end
package.path = "load/_modules/?.lua"
print(require("simple"))
