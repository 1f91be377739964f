-- fifo (Debian lua-fifo): a queue with insertion and removal in the middle.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local new_fifo = require("fifo")
local q = new_fifo(1, 2, 3)
q:push(4)
q:push(5)
print(q:length(), #q, q:peek(), q:peek(3))
print(q:pop(), q:pop(), q:length())
q:insert(1, "front")
q:insert(q:length() + 1, "back")
local items = {}
for i = 1, q:length() do items[i] = tostring(q:peek(i)) end
print(table.concat(items, " "))
print(q:remove(2), q:length())
while q:length() > 0 do io.write(tostring(q:pop()), ";") end
print()
print(pcall(q.pop, q))
q:setempty(function() return "EMPTY" end)
print(q:pop(), q:peek())
print(pcall(q.insert, q, 5, "x"))
print(pcall(function() q.field = 1 end))
for i = 1, 1000 do q:push(i) end
local sum = 0
for _ = 1, 990 do sum = sum + q:pop() end
print(sum, q:length(), q:peek())
