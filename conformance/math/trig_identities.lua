-- a few trigonometric values printed at %.14g
for _, x in ipairs({0.1, 0.5, 1, 2, 3, -1.5, 10, 100}) do
  print(x, math.sin(x), math.cos(x), math.tan(x))
end
for _, x in ipairs({-1, -0.5, 0, 0.5, 1}) do
  print(x, math.asin(x), math.acos(x), math.atan(x))
end
print(math.sin(1e22), math.cos(1e22))
