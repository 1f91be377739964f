-- loop conditions with and/or
local t = {3, 1, 4, 1, 5, 9, 2, 6}
local i = 1
while t[i] and t[i] ~= 9 do i = i + 1 end
print(i)
local j = #t
while j > 0 and not (t[j] < 3) do j = j - 1 end
print(j)
