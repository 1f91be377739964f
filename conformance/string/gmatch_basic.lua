local line = ""
local function write(...)
  for i = 1, select("#", ...) do line = line .. tostring((select(i, ...))) end
end
local function endline() print(line) line = "" end
for w in string.gmatch("one two  three", "%a+") do write(w, "|") end
endline()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do write(k, ":", v, " ") end
endline()
for n in ("1,22,333"):gmatch("%d+") do write(n * 2, " ") end
endline()
local count = 0
for _ in string.gmatch("", "x") do count = count + 1 end
print(count)
