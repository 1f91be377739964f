-- -0.0 compares equal to 0 but prints with a sign
local nz = -0.0
print(nz, 0.0, nz == 0.0, nz == 0)
print(1 / nz, 1 / 0.0)
print(nz + 0.0, nz * 1)
print(0 * -1, 0.0 * -1)
local t = {}
t[nz] = "zero"
print(t[0], t[0.0])
print(-0.0 .. "")
