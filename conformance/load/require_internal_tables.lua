-- require keeps using the original loaded and preload tables.
local loaded, preload = package.loaded, package.preload
package.loaded = {}
package.preload = {}
preload.p = function() return "from the original preload" end
print(require("p"))
print(loaded.p, package.loaded.p)
package.loaded, package.preload = loaded, preload
print(#package.searchers, type(package.searchers[1]))
