-- more results than the Lua stack holds
local fmt, data = "b", "\0"
for _ = 1, 20 do
  fmt, data = fmt .. fmt, data .. data
end
print(#fmt, #data)
print(pcall(string.unpack, fmt, data))
print(select("#", string.unpack("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", data)))
