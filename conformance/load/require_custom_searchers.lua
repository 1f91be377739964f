-- Custom searchers: messages are collected, a function return is the loader.
package.searchers = {}
print(pcall(require, "zzz"))
package.searchers = {function(n) return nil end, function(n) return "\n\tcustom " .. n end}
print(pcall(require, "zzz"))
package.searchers = {function(n) return "first " .. n end, function(n) return 42 end}
print(pcall(require, "zzz"))
package.searchers = {function(n) return function(a, b) print("loader", a, b) return "M" end, "EXTRA" end}
print(require("zzz"))
package.searchers = {function(n) return function() error("loader failed") end end}
print(pcall(require, "failing"))
package.searchers = {function(n) error("searcher failed") end}
print(pcall(require, "broken"))
