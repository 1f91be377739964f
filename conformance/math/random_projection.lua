-- interval sizes that are powers of two (masked) and not (redrawn), with a fixed seed
math.randomseed(314159)
for _, range in ipairs({{0, 1}, {0, 3}, {1, 8}, {0, 255}, {0, 2}, {1, 3}, {0, 254}, {-128, 128}, {1, 1000}}) do
  local out = {}
  for i = 1, 12 do out[i] = math.random(range[1], range[2]) end
  print(range[1], range[2], table.concat(out, " "))
end
