-- utf8.codes iterates byte positions and code points
for p, c in utf8.codes("hé€😀!") do print(p, c) end
for p, c in utf8.codes("") do print("never", p, c) end
local n = 0
for _ in utf8.codes("abc") do n = n + 1 end
print(n)
for p, c in utf8.codes(123) do print(p, c) end
local f, s, i = utf8.codes("xy")
print(type(f), s, i)
print(f(s, i))
print(f(s, 1))
print(f(s, 2))
print(f(s, -5))
local g = utf8.codes("a")
print(f == g, f == utf8.codes("a", true))
