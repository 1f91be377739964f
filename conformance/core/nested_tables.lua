-- nested tables and chained indexing
local t = {a = {b = {c = "deep"}}, list = {{1, 2}, {3, 4}}}
print(t.a.b.c)
print(t.list[2][1], t["list"][1][2])
t.a.b.d = {e = 5}
print(t.a.b.d.e)
local grid = {}
for i = 1, 3 do
  grid[i] = {}
  for j = 1, 3 do grid[i][j] = i * 10 + j end
end
print(grid[2][3], grid[3][1], #grid, #grid[1])
local self = {}
self.me = self
print(self.me.me.me == self)
