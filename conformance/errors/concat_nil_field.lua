local t = {name = "n"}
print(t.name .. "!")
print(t.name .. t.other)
