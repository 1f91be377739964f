-- walking forward and backward through characters with utf8.offset
local s = "a€😀éz"
local pos = 1
local forward = {}
while pos and pos <= #s do
  forward[#forward + 1] = pos
  pos = utf8.offset(s, 2, pos)
end
print(table.concat(forward, " "), pos)
local back = {}
pos = #s + 1
while true do
  local p = utf8.offset(s, -1, pos)
  if not p then break end
  back[#back + 1] = p
  pos = p
  if p == 1 then break end
end
print(table.concat(back, " "))
local starts = {}
for i = 1, #s do starts[#starts + 1] = utf8.offset(s, 0, i) end
print(table.concat(starts, " "))
