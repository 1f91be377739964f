-- 5.1-clean
-- Naive recursive Fibonacci: function calls and returns, comparison, integer addition.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = 35
print("fib(" .. n .. ") = " .. fib(n))
