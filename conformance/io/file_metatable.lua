-- File objects share one metatable named FILE*.
local mt = getmetatable(io.stdout)
print(mt == getmetatable(io.stdin), mt == getmetatable(io.stderr))
print(mt.__name, type(mt.__index), type(mt.__tostring))
print(io.stdout == io.stdout, io.stdout == io.stderr)
local names = {}
for _, k in ipairs{"close", "flush", "lines", "read", "setvbuf", "write"} do
  names[#names + 1] = k .. "=" .. type(mt.__index[k])
end
print(table.unpack(names))
print(tostring(io.stdout) == tostring(io.stdout), tostring(io.stdout) ~= tostring(io.stdin))
