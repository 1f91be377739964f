-- Line events inside a coroutine, set from inside it; yields and resumes keep tracing.
local lines = {}
local co = coroutine.create(function()
  debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
  local a = 1
  coroutine.yield()
  local b = 2
  for i = 1, 2 do
    a = a + i
  end
  debug.sethook()
  return a + b
end)
coroutine.resume(co)
local x = 1
print(coroutine.resume(co))
local s = ""
for i = 1, #lines do s = s .. lines[i] .. " " end
print(s)
print(debug.gethook())
