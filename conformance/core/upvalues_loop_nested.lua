-- closures over variables of nested loops
local fs = {}
for i = 1, 2 do
  for j = 1, 2 do
    fs[#fs + 1] = function() return i * 10 + j end
  end
end
for k = 1, #fs do print(fs[k]()) end
local acc = {}
for i = 1, 3 do
  local x = i
  acc[i] = {get = function() return x end, set = function(v) x = v end}
end
acc[2].set(99)
print(acc[1].get(), acc[2].get(), acc[3].get())
