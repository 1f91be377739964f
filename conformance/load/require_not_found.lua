-- The message lists what every searcher tried.
package.path = "load/_modules/?.lua;load/_modules/?/init.lua"
package.cpath = ""
print(pcall(require, "nosuch"))
print(pcall(require, "no.such.module"))
package.cpath = "load/_modules/?.so"
print(pcall(require, "a.b"))
package.path = ""
print(pcall(require, "x"))
