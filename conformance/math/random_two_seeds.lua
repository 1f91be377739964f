-- randomseed with two seeds: each pair starts a different sequence
for _, s in ipairs({{0, 0}, {0, 1}, {1, 0}, {-1, -1}, {math.maxinteger, math.mininteger}, {12, 34}}) do
  math.randomseed(s[1], s[2])
  print(s[1], s[2], math.random(0), math.random(), math.random(1, 100))
end
