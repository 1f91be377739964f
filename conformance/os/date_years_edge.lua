-- Years outside 1000-9999: no padding for %Y %C %G %F, two digits for %y %g.
for _, y in ipairs{-1001, -101, -100, -99, -1, 0, 1, 5, 99, 999, 1000, 9999, 10000, 123456} do
  local t = os.time{year = y, month = 1, day = 1, hour = 0}
  print(y, os.date("!%F|%Y|%C|%y|%G|%g|%V|%D|%c", t))
end
