-- 5.1-clean
-- The spectral-norm benchmark: the largest singular value of an infinite matrix
-- A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), estimated with the power method on an N x N corner.
-- Function calls in tight loops, float division and multiply-add over arrays.
local function A(i, j)
  local ij = i + j - 2
  return 1.0 / (ij * (ij + 1) * 0.5 + i)
end

-- out = A * v (1-based indices, so A(i, j) above shifts them)
local function mul_Av(n, v, out)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + A(i, j) * v[j]
    end
    out[i] = s
  end
end

-- out = transpose(A) * v
local function mul_Atv(n, v, out)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + A(j, i) * v[j]
    end
    out[i] = s
  end
end

local function mul_AtAv(n, v, out, tmp)
  mul_Av(n, v, tmp)
  mul_Atv(n, tmp, out)
end

local n = 500
local u, v, tmp = {}, {}, {}
for i = 1, n do u[i] = 1.0 end
for _ = 1, 10 do
  mul_AtAv(n, u, v, tmp)
  mul_AtAv(n, v, u, tmp)
end
local vBv, vv = 0.0, 0.0
for i = 1, n do
  local ui, vi = u[i], v[i]
  vBv = vBv + ui * vi
  vv = vv + vi * vi
end
print(string.format("spectral_norm %d %.9f", n, math.sqrt(vBv / vv)))
