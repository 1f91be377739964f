-- Line events: a new line, or a jump back (each loop iteration).
local lines = {}
local function hook(ev, line) lines[#lines + 1] = line end
local function f(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(hook, "l")
f(2)
local t = {}
for k = 1, 2 do t[k] = k end
while #t > 0 do
  t[#t] = nil
end
if #t == 0 then
  t.x = 1
else
  t.y = 2
end
repeat local z = 1 until true
debug.sethook()
local s = ""
for i = 1, #lines do s = s .. lines[i] .. " " end
print(s)
