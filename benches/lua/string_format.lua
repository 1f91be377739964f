-- string.format in loops: integers (%d %i with widths, flags and precision, %x %X %o %c),
-- floats (%f %e %g %a with precisions, widths and flags), strings (%s with width and
-- precision, %q on strings and numbers) and %s on numbers (tostring).
-- Not 5.1-clean: 5.4 formats integers and floats differently (%s, %q, %d of 3.0).
local MOD = 1000000007
local check = 0
local function add(s)
  check = (check * 31 + #s + string.byte(s, #s) + string.byte(s, #s // 2 + 1)) % MOD
end

local names = { "alpha", "beta", "gamma", "delta", "epsilon", "a \"quoted\" word",
                "tab\there", "new\nline", "" }
local zero = "zero\0byte\0" -- only %s without width or precision and %q accept zeros

local format = string.format
for i = 1, 35000 do
  local x = i * 0.37 - 1000.5
  local k = i * 7919 - 200000
  local name = names[i % #names + 1]
  add(format("%d", k))
  add(format("%5d|%-8d|%05d|%+d", i, k, i % 1000, k))
  add(format("%x %X %o %c", i * 40503, i, i, 65 + i % 26))
  add(format("%i items at %.3d", i, i % 100))
  add(format("%f", x))
  add(format("%.2f %10.4f %-12.1f|", x, x / 3, x * 1e3))
  add(format("%e %.3E", x, x * 1e-10))
  add(format("%g %.10g %g", x, x / 7, 1 / i))
  add(format("%a", x))
  add(format("%s|%-10s|%.3s|%12s", name, name, name, name .. "!"))
  add(format("%q", name))
  add(format("%s:%q", zero, zero))
  add(format("%q %q", k, x))
  add(format("%s %s %s", i, x, i / 4))
  add(format("[%s] %d/%d = %.5f", name, i, i % 17 + 1, i / (i % 17 + 1)))
end

print("string_format " .. check)
