-- Every conversion Lua 5.4 accepts, for one fixed time (2009-02-13 23:31:30 UTC, a Friday).
local t = 1234567890
for _, c in ipairs{"a", "A", "b", "B", "c", "C", "d", "D", "e", "F", "g", "G", "h", "H", "I",
                   "j", "m", "M", "n", "p", "r", "R", "S", "t", "T", "u", "U", "V", "w", "W",
                   "x", "X", "y", "Y", "z", "Z", "%"} do
  print(c, "[" .. os.date("!%" .. c, t) .. "]")
end
