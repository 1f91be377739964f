-- a string of 100 bytes or more: kept whole unless a precision is given
local function rep(c, n)
  local s = ""
  for _ = 1, n do s = s .. c end
  return s
end
local s = rep("x", 150)
local long = string.format("%5s", s)
print(#long, long == s)
print(#string.format("%-99s", s))
print(#string.format("%.99s", s))
print(#string.format("%50.10s", s))
print(#string.format("%-99s|", rep("y", 100)))
print(#string.format("%-99s|", rep("y", 99)))
print(string.format("%-5s|", rep("z", 120)) == rep("z", 120) .. "|")
