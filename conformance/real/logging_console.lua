-- lualogging (Debian lua-logging): levels, message formatting and the console appender.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local logging = require("logging")
require("logging.console")
print(logging._VERSION)

local lines = {}
local logger = logging.new(function(self, level, message)
  lines[#lines + 1] = logging.prepareLogMsg("[%level] %message", "DATE", level, message)
  return true
end)
logger:debug("starting")
logger:info("value is %d and %s", 42, "more")
logger:info({b = 2, a = {1, 2}, [3] = "three"})
logger:warn(function() return "computed" end)
logger:setLevel(logging.ERROR)
logger:info("hidden")
logger:error("shown: 100%% sure")
logger:fatal("the end", "extra")
logger:log(logging.ERROR, "via log: %s", nil)
for _, l in ipairs(lines) do print(l) end
print(pcall(logger.setLevel, logger, "LOUD"))
print(logging.new("nope"))
print(logging.tostring({x = "s", y = {true, false}, 10, 20}), logging.tostring(nil), logging.tostring("q\"s"))

local console = logging.console("%level: %message\n")
console:info("to stdout")
console:setLevel(logging.WARN)
console:debug("quiet")
console:warn("a %s warning", "formatted")
io.stdout:flush()
