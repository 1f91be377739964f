-- 'L': the lines of a function that hold code.
local function lines(f)
  local t = debug.getinfo(f, "L").activelines
  local s = ""
  for l = 1, 60 do
    if t[l] then s = s .. l .. " " end
  end
  return s
end
local function f(a)
  local x = a + 1
  if x > 2 then
    return x
  end
  return 0
end
print(lines(f))
print(lines(function(...) return ... end))
print(lines(function()
end))
print(lines(lines))
local main = debug.getinfo(1, "L").activelines
print(main[1], main[17], main[18], main[60])
