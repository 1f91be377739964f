-- os.time(os.date("*t", t)) gives t back (local time is UTC).
for _, t in ipairs{0, 1, 59, 86399, 86400, 951782400, 1234567890, 2147483647, 4102444800,
                   -86400, -2208988800, 253402300799} do
  print(t, os.time(os.date("*t", t)) == t, os.time(os.date("!*t", t)) == t)
end
