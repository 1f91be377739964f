-- %j and yday in leap and common years; %e pads with a space.
for _, y in ipairs{1900, 1996, 2000, 2023, 2024} do
  local last = os.time{year = y, month = 12, day = 31}
  local feb29 = os.time{year = y, month = 2, day = 29}
  print(y, os.date("!%j", last), os.date("*t", last).yday, os.date("!%F %e|%d", feb29))
end
