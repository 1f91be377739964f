-- the exact sequence of comparator calls for small arrays (Lua's quicksort)
local function trace(t)
  local calls = {}
  table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end)
  print(table.concat(t, ","), "|", table.concat(calls, " "))
end
trace({1, 2})
trace({2, 1})
trace({3, 2, 1})
trace({1, 2, 3, 4})
trace({4, 3, 2, 1})
trace({2, 4, 1, 3, 5})
trace({9, 7, 5, 3, 1, 2, 4, 6, 8})
