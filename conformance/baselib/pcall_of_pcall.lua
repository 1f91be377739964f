-- pcall and xpcall called by pcall: each protected call puts its own true in front,
-- and the stack is right afterwards.
local function f(...) return ... end
print(pcall(pcall, f, 1, 2, 3))
print(pcall(xpcall, f, print, 1, 2, 3))
print(pcall(pcall, pcall, f, 1, 2))
local a, b, c = pcall(pcall, f, 1)
print(a, b, c)
print(pcall(pcall, error, "x"))
print(pcall(pcall, pcall, error, "x"))
print(pcall(xpcall, error, function(m) return "handled " .. m end, "y"))
local function g() return pcall(pcall, f, 9) end
print(g())
local function h() return f(pcall(pcall, f, 8)) end
print(h())
local R = {}
R[#R + 1] = { pcall(pcall, f, 1, 2, 3) }
print(#R, #R[1], pcall(error))
local co = coroutine.wrap(function(...)
  return pcall(pcall, function(...) coroutine.yield(...) return 5 end, ...)
end)
print(co(1, 2))
print(co())
for i = 1, 3 do
  local t = { pcall(pcall, pcall, f, i) }
  print(#t, t[4])
end
