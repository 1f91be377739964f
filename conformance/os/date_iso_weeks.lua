-- ISO 8601 weeks (%G %g %V) and the Sunday/Monday week numbers (%U %W) around new year.
for _, y in ipairs{2004, 2005, 2008, 2009, 2010, 2015, 2016, 2020, 2021, 2026} do
  for _, md in ipairs{{12, 28}, {12, 31}, {1, 1}, {1, 4}, {1, 7}} do
    local year = md[1] == 12 and y - 1 or y
    local t = os.time{year = year, month = md[1], day = md[2], hour = 0}
    print(os.date("!%F %a %G %g %V %U %W %u %w %j", t))
  end
end
