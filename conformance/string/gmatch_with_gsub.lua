local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local line = ""
local function write(...)
  for i = 1, select("#", ...) do line = line .. tostring((select(i, ...))) end
end
local function endline() print(line) line = "" end
local text = "x=1, y=22, z=333"
local keys = {}
for k, v in text:gmatch("(%a)=(%d+)") do keys[#keys + 1] = k .. #v end
print(join(keys, " "))
local doubled = text:gsub("%d+", function(n) return n * 2 end)
print(doubled)
for a, b in doubled:gmatch("(%a)=(%d+)") do write(a, b, ";") end
endline()
