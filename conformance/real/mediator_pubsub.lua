-- mediator (Debian lua-mediator): channels, priorities, predicates, nested namespaces.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local Mediator = require("mediator")
local m = Mediator()
local log = {}
local function logger(name, ret, continue)
  return function(...)
    log[#log + 1] = name .. "(" .. table.concat({...}, ",") .. ")"
    return ret, continue
  end
end
m:subscribe({"chat"}, logger("first", "r1", true))
local second = m:subscribe({"chat"}, logger("second", "r2", true))
m:subscribe({"chat", "room"}, logger("room", "r3", true))
m:subscribe({"chat"}, logger("only-urgent", "r4", true), {predicate = function(msg) return msg == "urgent" end})
local result = m:publish({"chat", "room"}, "hello", "world")
print(table.concat(result, " "), "|", table.concat(log, " "))
log = {}
print(table.concat(m:publish({"chat"}, "urgent"), " "), "|", table.concat(log, " "))

log = {}
m:getChannel({"chat"}):setPriority(second.id, 1)
print(table.concat(m:publish({"chat"}, "again"), " "), "|", table.concat(log, " "))

log = {}
m:subscribe({"chat"}, logger("stopper", "stop", false), {priority = 1})
print(table.concat(m:publish({"chat"}, "x"), " "), "|", table.concat(log, " "))

log = {}
m:removeSubscriber(second.id, {"chat"})
print(m:getSubscriber(second.id, {"chat"}), table.concat(m:publish({"chat"}, "y"), " "), table.concat(log, " "))
print(m:getChannel({"chat"}):hasChannel("room"), m:getChannel({"chat"}):hasChannel("nope"))
print(#m:publish({"nobody", "here"}, 1))
