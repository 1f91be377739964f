-- require finds a module on package.path, runs it once and caches the result.
package.path = "load/_modules/?.lua"
local m, where = require("simple")
print(m.name, m.file, m.answer, where)
local again, extra = require("simple")
print(again == m, extra, select("#", require("simple")))
print(package.loaded.simple == m)
count = nil
require("counter") require("counter")
print(count)
