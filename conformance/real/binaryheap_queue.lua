-- binaryheap (Debian lua-binaryheap): min/max heaps and a priority queue with payloads.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local binaryheap = require("binaryheap")

local h = binaryheap.minUnique()
for i, p in ipairs({50, 20, 70, 10, 60, 30, 40}) do h:insert(p, "job" .. i) end
print(h:size(), h:peek())
print(h:peekValue())
h:update("job7", 5)
h:update("job1", 1)
print(h:remove("job3"))
local out = {}
while h:size() > 0 do
  local payload, prio = h:pop()
  out[#out + 1] = payload .. ":" .. prio
end
print(table.concat(out, " "))

local mx = binaryheap.maxUnique()
for i = 1, 20 do mx:insert((i * 7) % 23, "v" .. i) end
out = {}
for _ = 1, 8 do local p, v = mx:pop() out[#out + 1] = p .. "/" .. v end
print(table.concat(out, " "))

local plain = binaryheap.minHeap()
for _, v in ipairs({9, 4, 7, 1, 8, 2, 2, 6}) do plain:insert(v) end
out = {}
while plain:peek() do out[#out + 1] = plain:pop() end
print(table.concat(out, ","))

local custom = binaryheap.minHeap(function(a, b) return #a < #b end)
for _, s in ipairs({"ccc", "a", "dddd", "bb"}) do custom:insert(s) end
print(custom:pop(), custom:pop(), custom:pop(), custom:pop(), custom:pop())
print(pcall(function() local u = binaryheap.minUnique() u:insert(1, "x") u:insert(2, "x") end))
print(pcall(function() binaryheap.minUnique():insert(nil, "y") end))
