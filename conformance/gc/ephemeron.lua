-- a value that refers only to its own weak key does not keep the key alive
local eph = setmetatable({}, {__mode = "k"})
do
  local k = {}
  eph[k] = {ref = k}
end
local kept = {}
eph[kept] = {ref = kept}
collectgarbage()
local n = 0
for _ in pairs(eph) do n = n + 1 end
print(n, eph[kept].ref == kept)
