-- very wide intervals (including the whole integer range) with fixed seeds
math.randomseed(8)
for i = 1, 4 do print(math.random(math.mininteger, 0)) end
for i = 1, 4 do print(math.random(-2^62, 2^62)) end
for i = 1, 4 do print(math.random(math.mininteger + 1, math.maxinteger)) end
for i = 1, 4 do print(math.random(1, math.maxinteger // 3)) end
