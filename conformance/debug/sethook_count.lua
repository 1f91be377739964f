-- Count events every N instructions, with no line.
local c, bad = 0, 0
debug.sethook(function(ev, l)
  c = c + 1
  if ev ~= "count" or l ~= nil then bad = bad + 1 end
end, "", 100)
for i = 1, 2000 do local x = i * 2 end
debug.sethook()
print(c > 10, c < 2000, bad)
local total = 0
debug.sethook(function() total = total + 1 end, "", 1)
local y = 1
y = y + 1
debug.sethook()
print(total > 1, total < 20)
