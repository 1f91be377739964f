-- A missing module, uncaught.
package.path = "load/_modules/?.lua"
package.cpath = ""
require("missing_module")
