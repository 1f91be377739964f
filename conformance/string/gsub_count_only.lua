local function count(s, p) return select(2, s:gsub(p, "")) end
print(count("banana", "a"), count("banana", "an"), count("banana", "x"))
print(count("a b  c", "%s+"), count("", "x"), count("abc", ""))
print(count("hello world", "%f[%w]%w+"))
