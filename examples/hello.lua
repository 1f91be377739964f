-- A small Lua 5.4 program: closures, integer and float arithmetic, string formatting.
local function counter(step)
  local n = 0
  return function()
    n = n + step
    return n
  end
end

local next_even = counter(2)
local evens = {}
for i = 1, 5 do
  evens[i] = next_even()
end

print(("first evens: %s"):format(table.concat(evens, ", ")))
print("7 // 2 =", 7 // 2, "7 / 2 =", 7 / 2, "2^10 =", 2 ^ 10)
