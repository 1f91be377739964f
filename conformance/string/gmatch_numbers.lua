local line = ""
local function write(...)
  for i = 1, select("#", ...) do line = line .. tostring((select(i, ...))) end
end
local function endline() print(line) line = "" end
for d in string.gmatch(31415, "%d") do write(d, " ") end
endline()
for a, b in string.gmatch(1.5, "(%d)(.?)") do write(a, "/", b, " ") end
endline()
for p in string.gmatch("xx", 1) do print(p) end
