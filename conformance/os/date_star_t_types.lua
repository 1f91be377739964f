-- The fields of os.date("*t") are integers and a boolean.
local d = os.date("!*t", 1234567890)
for _, k in ipairs{"year", "month", "day", "hour", "min", "sec", "wday", "yday"} do
  print(k, d[k], math.type(d[k]))
end
print("isdst", d.isdst, type(d.isdst))
