-- Times before 1970 use the proleptic Gregorian calendar.
for _, t in ipairs{-1, -86400, -86401, -31536000, -2208988800, -62135596800, -62167219200, -62198755200} do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %a %j", t))
end
