-- insert/remove used as a stack and as a queue
local stack = {}
for i = 1, 5 do table.insert(stack, i * i) end
local popped = {}
while #stack > 0 do popped[#popped + 1] = table.remove(stack) end
print(table.concat(popped, " "))
local queue = {}
for i = 1, 5 do table.insert(queue, "job" .. i) end
local served = {}
while #queue > 0 do served[#served + 1] = table.remove(queue, 1) end
print(table.concat(served, " "))
local deque = {}
for i = 1, 4 do table.insert(deque, 1, i) end
print(table.concat(deque, " "))
print(table.remove(deque, 1), table.remove(deque), table.concat(deque, " "))
