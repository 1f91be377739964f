-- walking through packed data with the returned positions
local data = string.pack("<s1 s1 s1 i2", "one", "two", "three", 300)
local pos = 1
for _ = 1, 3 do
  local s
  s, pos = string.unpack("<s1", data, pos)
  print(s, pos)
end
print(string.unpack("<i2", data, pos))
local bytes = string.pack("BBBB", 10, 20, 30, 40)
local i, sum = 1, 0
while i <= #bytes do
  local b
  b, i = string.unpack("B", bytes, i)
  sum = sum + b
end
print(sum, i)
