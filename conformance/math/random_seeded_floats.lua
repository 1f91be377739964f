-- math.random() after math.randomseed(n): the same floats as lua5.4 (xoshiro256**)
for _, seed in ipairs({0, 1, 42, -1, 123456789, math.maxinteger, math.mininteger}) do
  math.randomseed(seed)
  print(seed, math.random(), math.random(), math.random())
end
