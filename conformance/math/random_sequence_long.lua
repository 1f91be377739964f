-- a long seeded sequence: a running checksum of 5000 draws matches lua5.4
math.randomseed(777)
local acc = 0
for i = 1, 5000 do
  acc = (acc * 31 + math.random(1, 1000003)) % 2147483647
end
print(acc)
local facc = 0
for i = 1, 1000 do facc = facc + math.random() end
print(facc)
local x = 0
for i = 1, 1000 do x = x ~ math.random(0) end
print(x)
