-- each loop iteration creates a fresh local
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for _, v in ipairs({"a", "b"}) do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2]())
local hs = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j
  hs[j] = function() k = k + 100 return k end
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local shared = {}
local s = 0
for i = 1, 2 do shared[i] = function() s = s + 1 return s end end
print(shared[1](), shared[2]())
