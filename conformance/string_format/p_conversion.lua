-- %p: a value's address, "(null)" for values that are not objects
print(string.format("%p", 1))
print(string.format("%p %p %p", nil, true, 1.5))
print(string.format("[%10p] [%-10p]", 1, 2))
local t, u = {}, {}
print(string.format("%p", t) == string.format("%p", t))
print(string.format("%p", t) ~= string.format("%p", u))
print(tostring(t) == "table: " .. string.format("%p", t))
print(tostring(print) == "function: " .. string.format("%p", print))
print(string.format("%p", "abc") == string.format("%p", "ab" .. "c"))
print(string.format("%p", t) ~= "(null)", string.format("%p", "x") ~= "(null)")
print(pcall(string.format, "%.3p", t))
print(pcall(string.format, "%05p", t))
print(pcall(string.format, "%p"))
