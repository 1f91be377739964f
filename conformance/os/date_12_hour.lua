-- %I and %p over a day, and %r.
for h = 0, 23 do
  local t = h * 3600 + 5 * 60 + 9
  print(h, os.date("!%I %p|%r|%R|%T|%H", t))
end
