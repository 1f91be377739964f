-- Errors while finding or running a module.
package.path = "load/_modules/?.lua"
package.cpath = ""
print(pcall(require, "syntax_error"))
print(pcall(require, "runtime_error"))
print(pcall(require))
print(pcall(require, {}))
print(pcall(require, 42))
local saved = package.searchers
package.searchers = nil
print(pcall(require, "zzz"))
package.searchers = saved
package.path = 5
print(pcall(require, "five"))
package.path = {}
print(pcall(require, "table_path"))
