-- Day and month names over a week and a year.
for d = 0, 6 do
  print(os.date("!%a %A %u %w", 86400 * (d + 3)))
end
for m = 1, 12 do
  print(os.date("!%b %B %h %m", os.time{year = 2021, month = m, day = 15}))
end
