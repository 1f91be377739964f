-- The E and O modifiers C99 allows give the C locale's ordinary forms.
local t = 1234567890
for _, p in ipairs{{"Ec", "c"}, {"EC", "C"}, {"Ex", "x"}, {"EX", "X"}, {"Ey", "y"}, {"EY", "Y"},
                   {"Od", "d"}, {"Oe", "e"}, {"OH", "H"}, {"OI", "I"}, {"Om", "m"}, {"OM", "M"},
                   {"OS", "S"}, {"Ou", "u"}, {"OU", "U"}, {"OV", "V"}, {"Ow", "w"}, {"OW", "W"},
                   {"Oy", "y"}} do
  local with, without = os.date("!%" .. p[1], t), os.date("!%" .. p[2], t)
  print(p[1], with, with == without)
end
