-- currentline follows the statement being run, in each level.
local function line(level) return debug.getinfo(level + 1, "l").currentline end
print(line(1))
local function f()
  local a = line(1)
  local b = line(2)
  return a, b
end
print(f())
print(
  line(1)
)
local t = {
  x = line(1),
}
print(t.x)
for i = 1, 2 do
  print(i, line(1))
end
