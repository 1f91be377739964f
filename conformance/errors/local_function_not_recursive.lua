-- 'local f = function' cannot see itself
local fact = function(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(1))
print(fact(3))
