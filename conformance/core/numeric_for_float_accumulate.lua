-- float steps accumulate rounding error
local n = 0
for x = 0, 1, 0.1 do n = n + 1 end
print(n)
local last
for x = 0, 1, 0.25 do last = x end
print(last)
local count = 0
for x = 1, 0, -0.1 do count = count + 1 end
print(count)
local s = 0
for x = 0.1, 0.5, 0.1 do s = s + 1 end
print(s)
