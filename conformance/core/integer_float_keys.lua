-- float keys with integer values are normalised to integers
local t = {}
t[1.0] = "a"
print(t[1], t[1.0])
t[2] = "b"
print(t[2.0])
t[2^53] = "big"
print(t[9007199254740992])
t[1.5] = "frac"
print(t[1.5], t[1])
print(#t)
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)
t[-0.0] = "zero"
print(t[0])
for k in pairs({[3.0] = true}) do print(k, math.type(k)) end
